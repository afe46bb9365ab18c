//! The `_socket` module for Linux, under CPython's `socket.py`: the socket type (`sock.rs`),
//! addresses and name resolution (`addr.rs`), `socketpair`, the byte-order and `inet_*`
//! conversions, the default timeout, the constants, and the exceptions (`error` is
//! `OSError`, `timeout` is `TimeoutError`, `gaierror`/`herror` subclass `OSError`).
//! Address families: `AF_UNIX`, `AF_INET`, `AF_INET6`.

mod addr;
mod netdb;
mod sock;

use std::sync::atomic::{AtomicU64, Ordering};

use pyrite_object::methods::check_args;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::function::Module;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use crate::posix::path::{c_int_arg, int_arg, last_errno, os_error};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_socket",
        &[
            ("socketpair", socketpair),
            ("gethostname", gethostname),
            ("getaddrinfo", getaddrinfo),
            ("gethostbyname", gethostbyname),
            ("gethostbyname_ex", gethostbyname_ex),
            ("inet_aton", inet_aton),
            ("inet_ntoa", inet_ntoa),
            ("inet_pton", inet_pton),
            ("inet_ntop", inet_ntop),
            ("htons", |ctx, args| swap16(ctx, args, "htons")),
            ("ntohs", |ctx, args| swap16(ctx, args, "ntohs")),
            ("htonl", |ctx, args| swap32(ctx, args, "htonl")),
            ("ntohl", |ctx, args| swap32(ctx, args, "ntohl")),
            ("getdefaulttimeout", getdefaulttimeout),
            ("setdefaulttimeout", setdefaulttimeout),
            ("getnameinfo", netdb::getnameinfo),
            ("gethostbyaddr", netdb::gethostbyaddr),
            ("getservbyname", netdb::getservbyname),
            ("getservbyport", netdb::getservbyport),
            ("getprotobyname", netdb::getprotobyname),
            ("dup", dup),
            ("close", close),
        ],
    );
    let set = |name: &str, value: Value| Module::set(&module, name, value);
    set("socket", Value::Obj(sock::socket_type().clone()));
    set("SocketType", Value::Obj(sock::socket_type().clone()));
    set("error", Value::Obj(types().os_error.clone()));
    set("timeout", Value::Obj(types().timeout_error.clone()));
    set("gaierror", Value::Obj(gaierror_type().clone()));
    set("herror", Value::Obj(herror_type().clone()));
    set("has_ipv6", Value::Bool(true));
    for &(name, value) in CONSTANTS {
        set(name, Value::Int(value));
    }
    Ok(module)
}

/// The Linux values of the constants `socket.py` and its users name.
const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", 0),
    ("AF_UNIX", 1),
    ("AF_INET", 2),
    ("AF_INET6", 10),
    ("SOCK_STREAM", 1),
    ("SOCK_DGRAM", 2),
    ("SOCK_RAW", 3),
    ("SOCK_RDM", 4),
    ("SOCK_SEQPACKET", 5),
    ("SOCK_NONBLOCK", 0o4000),
    ("SOCK_CLOEXEC", 0o2000000),
    ("SOL_SOCKET", 1),
    ("SOL_IP", 0),
    ("SOL_TCP", 6),
    ("SOL_UDP", 17),
    ("SOMAXCONN", 4096),
    ("SO_DEBUG", 1),
    ("SO_REUSEADDR", 2),
    ("SO_TYPE", 3),
    ("SO_ERROR", 4),
    ("SO_DONTROUTE", 5),
    ("SO_BROADCAST", 6),
    ("SO_SNDBUF", 7),
    ("SO_RCVBUF", 8),
    ("SO_KEEPALIVE", 9),
    ("SO_OOBINLINE", 10),
    ("SO_PRIORITY", 12),
    ("SO_LINGER", 13),
    ("SO_REUSEPORT", 15),
    ("SO_PASSCRED", 16),
    ("SO_PEERCRED", 17),
    ("SO_RCVLOWAT", 18),
    ("SO_SNDLOWAT", 19),
    ("SO_RCVTIMEO", 20),
    ("SO_SNDTIMEO", 21),
    ("SO_BINDTODEVICE", 25),
    ("SO_ACCEPTCONN", 30),
    ("SO_MARK", 36),
    ("SO_PROTOCOL", 38),
    ("SO_DOMAIN", 39),
    ("IPPROTO_IP", 0),
    ("IPPROTO_HOPOPTS", 0),
    ("IPPROTO_ICMP", 1),
    ("IPPROTO_IGMP", 2),
    ("IPPROTO_IPIP", 4),
    ("IPPROTO_TCP", 6),
    ("IPPROTO_EGP", 8),
    ("IPPROTO_UDP", 17),
    ("IPPROTO_IPV6", 41),
    ("IPPROTO_ROUTING", 43),
    ("IPPROTO_FRAGMENT", 44),
    ("IPPROTO_GRE", 47),
    ("IPPROTO_ESP", 50),
    ("IPPROTO_AH", 51),
    ("IPPROTO_ICMPV6", 58),
    ("IPPROTO_NONE", 59),
    ("IPPROTO_DSTOPTS", 60),
    ("IPPROTO_SCTP", 132),
    ("IPPROTO_UDPLITE", 136),
    ("IPPROTO_RAW", 255),
    ("IPV6_V6ONLY", 26),
    ("IP_TOS", 1),
    ("IP_TTL", 2),
    ("IP_MULTICAST_IF", 32),
    ("IP_MULTICAST_TTL", 33),
    ("IP_MULTICAST_LOOP", 34),
    ("IP_ADD_MEMBERSHIP", 35),
    ("IP_DROP_MEMBERSHIP", 36),
    ("TCP_NODELAY", 1),
    ("TCP_MAXSEG", 2),
    ("TCP_CORK", 3),
    ("TCP_KEEPIDLE", 4),
    ("TCP_KEEPINTVL", 5),
    ("TCP_KEEPCNT", 6),
    ("TCP_SYNCNT", 7),
    ("TCP_LINGER2", 8),
    ("TCP_DEFER_ACCEPT", 9),
    ("TCP_WINDOW_CLAMP", 10),
    ("TCP_INFO", 11),
    ("TCP_QUICKACK", 12),
    ("TCP_CONGESTION", 13),
    ("TCP_USER_TIMEOUT", 18),
    ("TCP_FASTOPEN", 23),
    ("TCP_NOTSENT_LOWAT", 25),
    ("MSG_OOB", 1),
    ("MSG_PEEK", 2),
    ("MSG_DONTROUTE", 4),
    ("MSG_CTRUNC", 8),
    ("MSG_TRUNC", 0x20),
    ("MSG_DONTWAIT", 0x40),
    ("MSG_EOR", 0x80),
    ("MSG_WAITALL", 0x100),
    ("MSG_CONFIRM", 0x800),
    ("MSG_ERRQUEUE", 0x2000),
    ("MSG_NOSIGNAL", 0x4000),
    ("MSG_MORE", 0x8000),
    ("MSG_FASTOPEN", 0x2000_0000),
    ("MSG_CMSG_CLOEXEC", 0x4000_0000),
    ("SHUT_RD", 0),
    ("SHUT_WR", 1),
    ("SHUT_RDWR", 2),
    ("AI_PASSIVE", 1),
    ("AI_CANONNAME", 2),
    ("AI_NUMERICHOST", 4),
    ("AI_V4MAPPED", 8),
    ("AI_ALL", 0x10),
    ("AI_ADDRCONFIG", 0x20),
    ("AI_NUMERICSERV", 0x400),
    ("NI_NUMERICHOST", 1),
    ("NI_NUMERICSERV", 2),
    ("NI_NOFQDN", 4),
    ("NI_NAMEREQD", 8),
    ("NI_DGRAM", 16),
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("EAI_BADFLAGS", -1),
    ("EAI_NONAME", -2),
    ("EAI_AGAIN", -3),
    ("EAI_FAIL", -4),
    ("EAI_NODATA", -5),
    ("EAI_FAMILY", -6),
    ("EAI_SOCKTYPE", -7),
    ("EAI_SERVICE", -8),
    ("EAI_ADDRFAMILY", -9),
    ("EAI_MEMORY", -10),
    ("EAI_SYSTEM", -11),
    ("EAI_OVERFLOW", -12),
    ("INADDR_ANY", 0),
    ("INADDR_BROADCAST", 0xFFFF_FFFF),
    ("INADDR_LOOPBACK", 0x7F00_0001),
    ("INADDR_NONE", 0xFFFF_FFFF),
    ("INADDR_UNSPEC_GROUP", 0xE000_0000),
    ("INADDR_ALLHOSTS_GROUP", 0xE000_0001),
    ("INADDR_MAX_LOCAL_GROUP", 0xE000_00FF),
];

/// `socket.gaierror`.
fn gaierror_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| new_native_type("gaierror", "socket", Some(&types().os_error), TYPE_BASETYPE))
}

/// `socket.herror`.
pub fn herror_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| new_native_type("herror", "socket", Some(&types().os_error), TYPE_BASETYPE))
}

/// The `gaierror(code, message)` of a failed getaddrinfo(3).
pub fn gai_error(ctx: &mut Ctx, code: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let message = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    let ty = Value::Obj(gaierror_type().clone());
    match protocol::call_positional(ctx, &ty, &[Value::Int(i64::from(code)), Value::str(&message)]) {
        Ok(Value::Obj(e)) => PyErr(e),
        Ok(_) => PyErr::new(gaierror_type(), message),
        Err(e) => e,
    }
}

/// The default timeout of new sockets, as the bits of an `f64` (negative: none).
static DEFAULT_TIMEOUT: AtomicU64 = AtomicU64::new(0xBFF0_0000_0000_0000); // -1.0

/// The timeout new sockets start with (negative: none).
pub fn default_timeout() -> f64 {
    f64::from_bits(DEFAULT_TIMEOUT.load(Ordering::Relaxed))
}

/// A timeout argument: None (-1.0) or non-negative seconds, checked as CPython's
/// `socket_parse_timeout`.
pub fn timeout_arg(ctx: &mut Ctx, v: &Value) -> PyResult<f64> {
    if v.is_none() {
        return Ok(-1.0);
    }
    if !protocol::isinstance(v, &types().int) && !protocol::isinstance(v, &types().float) {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())));
    }
    let secs = pyrite_object::methods::float::as_double(ctx, v)?;
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(PyErr::value_error("Timeout value out of range"));
    }
    Ok(secs)
}

fn getdefaulttimeout(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("getdefaulttimeout", args, 0, 0)?;
    let t = default_timeout();
    Ok(if t < 0.0 { Value::None } else { Value::Float(t) })
}

fn setdefaulttimeout(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("setdefaulttimeout", args, 1, 1)?;
    let t = timeout_arg(ctx, &values[0])?;
    DEFAULT_TIMEOUT.store(t.to_bits(), Ordering::Relaxed);
    Ok(Value::None)
}

fn socketpair(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("socketpair", args, 0, 3)?;
    let family = values.first().map_or(Ok(libc::AF_UNIX), |v| c_int_arg(ctx, v))?;
    let kind = values.get(1).map_or(Ok(libc::SOCK_STREAM), |v| c_int_arg(ctx, v))?;
    let proto = values.get(2).map_or(Ok(0), |v| c_int_arg(ctx, v))?;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is writable for two descriptors.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    let mut pair = Vec::with_capacity(2);
    for fd in fds {
        let s = sock::with_descriptor(fd, family, kind, proto).map_err(|errno| os_error(ctx, errno, None, None))?;
        pair.push(Value::Obj(s));
    }
    Ok(Value::Obj(PyTuple::new_obj(pair)))
}

fn gethostname(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("gethostname", args, 0, 0)?;
    let mut buf = [0u8; 1024];
    // SAFETY: the buffer is writable for its length.
    if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len() - 1) } < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(crate::posix::path::decode_fs(&buf[..end]))
}

fn getaddrinfo(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const GAI: Params = Params::new("getaddrinfo", &["host", "port", "family", "type", "proto", "flags"]).required(2);
    let [host, port, family, kind, proto, flags] = GAI.bind(args)?;
    let host = match host {
        None | Some(Value::None) => None,
        Some(h) => {
            if let Some(s) = h.as_str() {
                Some(s.as_str().to_owned())
            } else if let Some(b) = h.downcast::<PyBytes>() {
                Some(String::from_utf8_lossy(b.as_bytes()).into_owned())
            } else {
                return Err(PyErr::type_error("getaddrinfo() argument 1 must be string or None"));
            }
        }
    };
    let port = match port {
        None | Some(Value::None) => None,
        Some(p) if protocol::isinstance(p, &types().int) => Some(int_arg(ctx, p)?.to_string()),
        Some(p) => {
            if let Some(s) = p.as_str() {
                Some(s.as_str().to_owned())
            } else if let Some(b) = p.downcast::<PyBytes>() {
                Some(String::from_utf8_lossy(b.as_bytes()).into_owned())
            } else {
                return Err(PyErr::new(&types().os_error, "Int or String expected"));
            }
        }
    };
    let mut ints = [0i32; 4];
    for (slot, v) in ints.iter_mut().zip([family, kind, proto, flags]) {
        if let Some(v) = v {
            *slot = c_int_arg(ctx, v)?;
        }
    }
    let [family, kind, proto, flags] = ints;
    let answers = addr::resolve(ctx, host.as_deref(), port.as_deref(), family, kind, proto, flags)?;
    let items = answers
        .into_iter()
        .map(|a| {
            Value::Obj(PyTuple::new_obj(vec![
                Value::Int(a.family.into()),
                Value::Int(a.kind.into()),
                Value::Int(a.proto.into()),
                Value::str(&a.canonname),
                a.address,
            ]))
        })
        .collect();
    Ok(Value::Obj(PyList::new_obj(items)))
}

/// The IPv4 addresses of a host name (dotted text), in the resolver's order.
fn ipv4_addresses(ctx: &mut Ctx, name: &Value, func: &str) -> PyResult<Vec<Value>> {
    let Some(text) = name.as_str() else {
        return Err(PyErr::type_error(format!(
            "{func}() argument 1 must be str, bytes or bytearray, not {}",
            name.type_name()
        )));
    };
    let text = text.as_str().to_owned();
    if let Ok(ip) = text.parse::<std::net::Ipv4Addr>() {
        return Ok(vec![Value::str(&ip.to_string())]);
    }
    let answers = addr::resolve(ctx, Some(&text), None, libc::AF_INET, libc::SOCK_STREAM, 0, 0)?;
    let mut ips: Vec<Value> = Vec::new();
    for a in answers {
        if let Some(ip) = a.address.downcast::<PyTuple>().and_then(|t| t.items().first().cloned())
            && !ips.iter().any(|seen| seen.as_str().map(|s| s.as_str()) == ip.as_str().map(|s| s.as_str()))
        {
            ips.push(ip);
        }
    }
    Ok(ips)
}

fn gethostbyname(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("gethostbyname", args, 1, 1)?;
    let ips = ipv4_addresses(ctx, &values[0], "gethostbyname")?;
    ips.into_iter().next().ok_or_else(|| gai_error(ctx, libc::EAI_NONAME))
}

fn gethostbyname_ex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("gethostbyname_ex", args, 1, 1)?;
    let ips = ipv4_addresses(ctx, &values[0], "gethostbyname_ex")?;
    Ok(Value::Obj(PyTuple::new_obj(vec![
        values[0].clone(),
        Value::Obj(PyList::new_obj(Vec::new())),
        Value::Obj(PyList::new_obj(ips)),
    ])))
}

fn text_arg<'a>(v: &'a Value, func: &str, n: usize) -> PyResult<&'a str> {
    v.as_str()
        .map(|s| s.as_str())
        .ok_or_else(|| PyErr::type_error(format!("{func}() argument {n} must be str, not {}", v.type_name())))
}

fn bytes_arg(v: &Value, func: &str, n: usize) -> PyResult<Vec<u8>> {
    pyrite_object::methods::bytes::buffer_bytes(v).ok_or_else(|| {
        PyErr::type_error(format!("{func}() argument {n} must be bytes-like object, not '{}'", v.type_name()))
    })
}

fn inet_aton(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("inet_aton", args, 1, 1)?;
    let text = text_arg(&values[0], "inet_aton", 1)?;
    let packed = addr::aton(text)
        .ok_or_else(|| PyErr::new(&types().os_error, "illegal IP address string passed to inet_aton"))?;
    Ok(Value::Obj(PyBytes::new_obj(packed.to_vec())))
}

fn inet_ntoa(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("inet_ntoa", args, 1, 1)?;
    let data = bytes_arg(&values[0], "inet_ntoa", 1)?;
    let Ok(octets) = <[u8; 4]>::try_from(data.as_slice()) else {
        return Err(PyErr::new(&types().os_error, "packed IP wrong length for inet_ntoa"));
    };
    Ok(Value::str(&std::net::Ipv4Addr::from(octets).to_string()))
}

fn inet_pton(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("inet_pton", args, 2, 2)?;
    let family = c_int_arg(ctx, &values[0])?;
    let text = text_arg(&values[1], "inet_pton", 2)?;
    if family != libc::AF_INET && family != libc::AF_INET6 {
        return Err(os_error(ctx, libc::EAFNOSUPPORT, None, None));
    }
    let packed = addr::pton(family, text)
        .ok_or_else(|| PyErr::new(&types().os_error, "illegal IP address string passed to inet_pton"))?;
    Ok(Value::Obj(PyBytes::new_obj(packed)))
}

fn inet_ntop(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("inet_ntop", args, 2, 2)?;
    let family = c_int_arg(ctx, &values[0])?;
    let data = bytes_arg(&values[1], "inet_ntop", 2)?;
    let bad_length = || PyErr::value_error("invalid length of packed IP address string");
    let text = match family {
        libc::AF_INET => {
            std::net::Ipv4Addr::from(<[u8; 4]>::try_from(data.as_slice()).map_err(|_| bad_length())?).to_string()
        }
        libc::AF_INET6 => {
            std::net::Ipv6Addr::from(<[u8; 16]>::try_from(data.as_slice()).map_err(|_| bad_length())?).to_string()
        }
        _ => return Err(PyErr::value_error(format!("unknown address family {family}"))),
    };
    Ok(Value::str(&text))
}

fn swap16(ctx: &mut Ctx, args: Args<'_>, name: &str) -> PyResult {
    let values = check_args(name, args, 1, 1)?;
    if !protocol::isinstance(&values[0], &types().int) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            values[0].type_name()
        )));
    }
    let n = int_arg(ctx, &values[0]).unwrap_or(i64::MAX);
    if n < 0 {
        return Err(PyErr::overflow(format!("{name}: can't convert negative Python int to C 16-bit unsigned integer")));
    }
    let n = u16::try_from(n).map_err(|_| {
        PyErr::overflow(format!("{name}: Python int too large to convert to C 16-bit unsigned integer"))
    })?;
    Ok(Value::Int(i64::from(n.swap_bytes())))
}

fn swap32(ctx: &mut Ctx, args: Args<'_>, name: &str) -> PyResult {
    let values = check_args(name, args, 1, 1)?;
    if !protocol::isinstance(&values[0], &types().int) {
        return Err(PyErr::type_error(format!("expected int, {} found", values[0].type_name())));
    }
    let n = int_arg(ctx, &values[0]).unwrap_or(i64::MAX);
    if n < 0 {
        return Err(PyErr::overflow("can't convert negative value to unsigned int"));
    }
    let n = u32::try_from(n).map_err(|_| PyErr::overflow("int larger than 32 bits"))?;
    Ok(Value::Int(i64::from(n.swap_bytes())))
}

fn dup(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("dup", args, 1, 1)?;
    let fd = c_int_arg(ctx, &values[0])?;
    // SAFETY: duplicating an integer descriptor; the copy is close-on-exec as CPython's.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if new < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    Ok(Value::Int(i64::from(new)))
}

fn close(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("close", args, 1, 1)?;
    let fd = c_int_arg(ctx, &values[0])?;
    // SAFETY: closing an integer descriptor the caller names.
    if unsafe { libc::close(fd) } < 0 {
        let errno = last_errno();
        if errno != libc::ECONNRESET {
            return Err(os_error(ctx, errno, None, None));
        }
    }
    Ok(Value::None)
}
