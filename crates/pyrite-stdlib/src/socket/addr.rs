//! Socket addresses for `_socket`: Python address objects (`(host, port)`, `(host, port,
//! flowinfo, scope_id)`, a path) to `sockaddr` records and back, host names through the
//! system resolver, and the `inet_*` text conversions — as CPython's `getsockaddrarg`,
//! `makesockaddr` and `setipaddr`.

use std::ffi::CString;
use std::net::{Ipv4Addr, Ipv6Addr};

use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::list::PyTuple;
use pyrite_object::{Ctx, PyErr, PyResult, Value, protocol, types};

use super::gai_error;
use crate::posix::path::{decode_fs, encode_fs};

/// A `sockaddr` of any family with its length.
pub struct SockAddr {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl SockAddr {
    /// An empty record to be filled by the system (`accept`, `getsockname`, ...).
    pub fn empty() -> SockAddr {
        // SAFETY: sockaddr_storage is plain data; all zeroes is a valid (unspecified) address.
        let storage = unsafe { std::mem::zeroed() };
        let len = socklen(size_of::<libc::sockaddr_storage>());
        SockAddr { storage, len }
    }

    /// The record as the `sockaddr` pointer system calls take.
    pub fn as_ptr(&self) -> *const libc::sockaddr {
        (&raw const self.storage).cast()
    }

    /// The record as a writable `sockaddr` pointer.
    pub fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&raw mut self.storage).cast()
    }

    fn from_raw<T>(raw: &T) -> SockAddr {
        let mut addr = SockAddr::empty();
        // SAFETY: `T` is a sockaddr_* record, which fits in sockaddr_storage.
        unsafe {
            std::ptr::copy_nonoverlapping((raw as *const T).cast::<u8>(), addr.as_mut_ptr().cast(), size_of::<T>())
        };
        addr.len = socklen(size_of::<T>());
        addr
    }
}

/// A size as `socklen_t` (the records are small).
pub fn socklen(n: usize) -> libc::socklen_t {
    libc::socklen_t::try_from(n).unwrap_or(libc::socklen_t::MAX)
}

fn v4(ip: Ipv4Addr, port: u16) -> SockAddr {
    let raw = libc::sockaddr_in {
        sin_family: libc::AF_INET as libc::sa_family_t,
        sin_port: port.to_be(),
        sin_addr: libc::in_addr { s_addr: u32::from(ip).to_be() },
        sin_zero: [0; 8],
    };
    SockAddr::from_raw(&raw)
}

fn v6(ip: Ipv6Addr, port: u16, flowinfo: u32, scope_id: u32) -> SockAddr {
    let raw = libc::sockaddr_in6 {
        sin6_family: libc::AF_INET6 as libc::sa_family_t,
        sin6_port: port.to_be(),
        sin6_flowinfo: flowinfo.to_be(),
        sin6_addr: libc::in6_addr { s6_addr: ip.octets() },
        sin6_scope_id: scope_id,
    };
    SockAddr::from_raw(&raw)
}

/// The Python address of a `sockaddr` (None for an empty one), as `makesockaddr`.
pub fn to_python(addr: &SockAddr) -> Value {
    if addr.len == 0 {
        return Value::None;
    }
    let family = i32::from(addr.storage.ss_family);
    let tuple = |items: Vec<Value>| Value::Obj(PyTuple::new_obj(items));
    match family {
        libc::AF_INET => {
            // SAFETY: the family says the record is a sockaddr_in.
            let a = unsafe { &*addr.as_ptr().cast::<libc::sockaddr_in>() };
            let ip = Ipv4Addr::from(u32::from_be(a.sin_addr.s_addr));
            tuple(vec![Value::str(&ip.to_string()), Value::Int(i64::from(u16::from_be(a.sin_port)))])
        }
        libc::AF_INET6 => {
            // SAFETY: the family says the record is a sockaddr_in6.
            let a = unsafe { &*addr.as_ptr().cast::<libc::sockaddr_in6>() };
            let ip = Ipv6Addr::from(a.sin6_addr.s6_addr);
            tuple(vec![
                Value::str(&ip.to_string()),
                Value::Int(i64::from(u16::from_be(a.sin6_port))),
                Value::Int(i64::from(u32::from_be(a.sin6_flowinfo))),
                Value::Int(i64::from(a.sin6_scope_id)),
            ])
        }
        libc::AF_UNIX => {
            // SAFETY: the family says the record is a sockaddr_un.
            let a = unsafe { &*addr.as_ptr().cast::<libc::sockaddr_un>() };
            let path: Vec<u8> = a.sun_path.iter().map(|&c| c.cast_unsigned()).collect();
            let used = (addr.len as usize).saturating_sub(size_of::<libc::sa_family_t>()).min(path.len());
            if used > 0 && path[0] == 0 {
                // Linux's abstract namespace: the bytes as they are.
                return Value::Obj(PyBytes::new_obj(path[..used].to_vec()));
            }
            let end = path.iter().position(|&b| b == 0).unwrap_or(path.len());
            decode_fs(&path[..end])
        }
        _ => {
            // SAFETY: any record starts with the family and then raw data.
            let raw = unsafe { &*addr.as_ptr() };
            let data: Vec<u8> = raw.sa_data.iter().map(|&c| c.cast_unsigned()).collect();
            tuple(vec![Value::Int(i64::from(family)), Value::Obj(PyBytes::new_obj(data))])
        }
    }
}

/// The `sockaddr` for a Python address of `family`, as `getsockaddrarg`; `caller` names
/// the method in messages.
pub fn from_python(ctx: &mut Ctx, family: i32, address: &Value, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => unix_address(address),
        libc::AF_INET => {
            let Some(tuple) = address.downcast::<PyTuple>().filter(|_| protocol::isinstance(address, &types().tuple))
            else {
                return Err(PyErr::type_error(format!(
                    "{caller}(): AF_INET address must be tuple, not {}",
                    address.type_name()
                )));
            };
            let [host, port] = tuple.items() else {
                return Err(PyErr::type_error("AF_INET address must be a pair (host, port)"));
            };
            let ip = host_v4(ctx, host)?;
            let port = port_number(ctx, port, caller)?;
            Ok(v4(ip, port))
        }
        libc::AF_INET6 => {
            let Some(tuple) = address.downcast::<PyTuple>().filter(|_| protocol::isinstance(address, &types().tuple))
            else {
                return Err(PyErr::type_error(format!(
                    "{caller}(): AF_INET6 address must be tuple, not {}",
                    address.type_name()
                )));
            };
            let items = tuple.items();
            if !(2..=4).contains(&items.len()) {
                return Err(PyErr::type_error(format!(
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]]), not {}",
                    address.type_name()
                )));
            }
            let ip = host_v6(ctx, &items[0])?;
            let port = port_number(ctx, &items[1], caller)?;
            let flowinfo = match items.get(2) {
                Some(f) => {
                    let f = crate::posix::path::int_arg(ctx, f)?;
                    u32::try_from(f)
                        .ok()
                        .filter(|&f| f <= 0xF_FFFF)
                        .ok_or_else(|| PyErr::overflow(format!("{caller}(): flowinfo must be 0-1048575.")))?
                }
                None => 0,
            };
            let scope_id = match items.get(3) {
                Some(s) => {
                    let s = crate::posix::path::int_arg(ctx, s)?;
                    u32::try_from(s)
                        .map_err(|_| PyErr::overflow("Python int too large to convert to C unsigned int"))?
                }
                None => 0,
            };
            Ok(v6(ip, port, flowinfo, scope_id))
        }
        _ => Err(PyErr::new(&types().os_error, format!("{caller}(): bad family"))),
    }
}

fn unix_address(address: &Value) -> PyResult<SockAddr> {
    let path = if let Some(s) = address.as_str() {
        encode_fs(s)?
    } else if let Some(bytes) = pyrite_object::methods::bytes::buffer_bytes(address) {
        bytes
    } else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", address.type_name())));
    };
    // SAFETY: sockaddr_un is plain data.
    let mut raw: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    if path.len() >= raw.sun_path.len() && !(path.first() == Some(&0) && path.len() == raw.sun_path.len()) {
        return Err(PyErr::new(&types().os_error, "AF_UNIX path too long"));
    }
    raw.sun_family = libc::AF_UNIX as libc::sa_family_t;
    for (slot, &b) in raw.sun_path.iter_mut().zip(&path) {
        *slot = b.cast_signed();
    }
    let mut addr = SockAddr::from_raw(&raw);
    // Abstract names are exactly as long as given; paths include their terminating NUL.
    let extra = usize::from(path.first() != Some(&0));
    addr.len = socklen(size_of::<libc::sa_family_t>() + path.len() + extra);
    Ok(addr)
}

fn port_number(ctx: &mut Ctx, port: &Value, caller: &str) -> PyResult<u16> {
    if !protocol::isinstance(port, &types().int) {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", port.type_name())));
    }
    let n = crate::posix::path::int_arg(ctx, port).unwrap_or(-1);
    u16::try_from(n).map_err(|_| PyErr::overflow(format!("{caller}(): port must be 0-65535.")))
}

/// The text of a host argument (str, or bytes as CPython's `idna` codec would accept).
fn host_text(host: &Value) -> PyResult<String> {
    if let Some(s) = host.as_str() {
        if s.code_points().any(|c| c == 0) {
            return Err(PyErr::type_error("host name must not contain null character"));
        }
        return Ok(s.as_str().to_owned());
    }
    if let Some(b) = host.downcast::<PyBytes>() {
        return Ok(String::from_utf8_lossy(b.as_bytes()).into_owned());
    }
    Err(PyErr::type_error(format!("str, bytes or bytearray expected, not {}", host.type_name())))
}

/// An IPv4 host: `''` (any), `'<broadcast>'`, a dotted address or a name to resolve.
fn host_v4(ctx: &mut Ctx, host: &Value) -> PyResult<Ipv4Addr> {
    let text = host_text(host)?;
    match text.as_str() {
        "" => return Ok(Ipv4Addr::UNSPECIFIED),
        "<broadcast>" | "255.255.255.255" => return Ok(Ipv4Addr::BROADCAST),
        _ => {}
    }
    if let Ok(ip) = text.parse::<Ipv4Addr>() {
        return Ok(ip);
    }
    for addr in resolve(ctx, Some(&text), None, libc::AF_INET, 0, 0, 0)? {
        if let Value::Obj(_) = &addr.address
            && addr.family == libc::AF_INET
            && let Some(t) = addr.address.downcast::<PyTuple>()
            && let Some(ip) = t.items().first().and_then(Value::as_str)
            && let Ok(ip) = ip.as_str().parse()
        {
            return Ok(ip);
        }
    }
    Err(gai_error(ctx, libc::EAI_NONAME))
}

/// An IPv6 host: `''` (any), a numeric address or a name to resolve.
fn host_v6(ctx: &mut Ctx, host: &Value) -> PyResult<Ipv6Addr> {
    let text = host_text(host)?;
    if text.is_empty() {
        return Ok(Ipv6Addr::UNSPECIFIED);
    }
    let bare = text.split('%').next().unwrap_or("");
    if let Ok(ip) = bare.parse::<Ipv6Addr>() {
        return Ok(ip);
    }
    for addr in resolve(ctx, Some(&text), None, libc::AF_INET6, 0, 0, 0)? {
        if let Some(t) = addr.address.downcast::<PyTuple>()
            && let Some(ip) = t.items().first().and_then(Value::as_str)
            && let Ok(ip) = ip.as_str().parse()
        {
            return Ok(ip);
        }
    }
    Err(gai_error(ctx, libc::EAI_NONAME))
}

/// One answer of the resolver.
pub struct AddrInfo {
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    pub canonname: String,
    pub address: Value,
    /// The record itself.
    pub raw: SockAddr,
}

/// getaddrinfo(3): the answers for a host and service (either may be absent).
pub fn resolve(
    ctx: &mut Ctx,
    host: Option<&str>,
    service: Option<&str>,
    family: i32,
    kind: i32,
    proto: i32,
    flags: i32,
) -> PyResult<Vec<AddrInfo>> {
    let host_c = host.map(CString::new).transpose().map_err(|_| PyErr::value_error("embedded null byte"))?;
    let service_c = service.map(CString::new).transpose().map_err(|_| PyErr::value_error("embedded null byte"))?;
    // SAFETY: addrinfo is plain data; all zeroes means "no preference".
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = kind;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let mut list: *mut libc::addrinfo = std::ptr::null_mut();
    let host_p = host_c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    let service_p = service_c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: the strings are NUL-terminated or null, `hints` is valid, and `list` receives
    // a list freed below.
    let rc = unsafe { libc::getaddrinfo(host_p, service_p, &raw const hints, &raw mut list) };
    if rc != 0 {
        if rc == libc::EAI_SYSTEM {
            return Err(crate::posix::path::os_error(ctx, crate::posix::path::last_errno(), None, None));
        }
        return Err(gai_error(ctx, rc));
    }
    let mut answers = Vec::new();
    let mut node = list;
    while !node.is_null() {
        // SAFETY: `node` is an element of the list getaddrinfo returned, not yet freed.
        let info = unsafe { &*node };
        let mut addr = SockAddr::empty();
        let len = (info.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
        // SAFETY: `ai_addr` points to `ai_addrlen` bytes; at most the storage's size is copied.
        unsafe { std::ptr::copy_nonoverlapping(info.ai_addr.cast::<u8>(), addr.as_mut_ptr().cast(), len) };
        addr.len = socklen(len);
        let canonname = if info.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a non-null canonical name is a NUL-terminated string in the list.
            unsafe { std::ffi::CStr::from_ptr(info.ai_canonname) }.to_string_lossy().into_owned()
        };
        answers.push(AddrInfo {
            family: info.ai_family,
            kind: info.ai_socktype,
            proto: info.ai_protocol,
            canonname,
            address: to_python(&addr),
            raw: addr,
        });
        node = info.ai_next;
    }
    // SAFETY: `list` came from a successful getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(list) };
    Ok(answers)
}

/// The address records a host and service resolve to (any family).
pub fn resolve_raw(ctx: &mut Ctx, host: &str, service: &str, kind: i32, flags: i32) -> PyResult<Vec<SockAddr>> {
    let answers = resolve(ctx, Some(host), Some(service), libc::AF_UNSPEC, kind, 0, flags)?;
    Ok(answers.into_iter().map(|a| a.raw).collect())
}

/// `inet_pton(family, text)`'s bytes, or None when the text is not an address.
pub fn pton(family: i32, text: &str) -> Option<Vec<u8>> {
    match family {
        libc::AF_INET => {
            // inet_pton(3) accepts only the strict dotted-quad form, as Rust's parser does.
            text.parse::<Ipv4Addr>().ok().map(|ip| ip.octets().to_vec())
        }
        _ => text.parse::<Ipv6Addr>().ok().map(|ip| ip.octets().to_vec()),
    }
}

/// `inet_aton`'s lenient forms: `a`, `a.b`, `a.b.c`, `a.b.c.d`, each part decimal, octal
/// (`0` prefix) or hexadecimal (`0x`).
pub fn aton(text: &str) -> Option<[u8; 4]> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut numbers = Vec::with_capacity(parts.len());
    for part in &parts {
        let (digits, radix) = if let Some(h) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
            (h, 16)
        } else if part.len() > 1 && part.starts_with('0') {
            (&part[1..], 8)
        } else {
            (*part, 10)
        };
        if digits.is_empty() && radix != 16 {
            return None;
        }
        let n = if digits.is_empty() { 0 } else { u32::from_str_radix(digits, radix).ok()? };
        numbers.push(n);
    }
    let last = *numbers.last()?;
    let head = &numbers[..numbers.len() - 1];
    if head.iter().any(|&n| n > 255) {
        return None;
    }
    let rest_bits = 8 * (4 - head.len());
    if rest_bits < 32 && last >> rest_bits != 0 {
        return None;
    }
    let mut value = last;
    for (i, &n) in head.iter().enumerate() {
        value |= n << (24 - 8 * i);
    }
    Some(value.to_be_bytes())
}
