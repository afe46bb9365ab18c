//! The name-service lookups of `_socket` beyond `getaddrinfo`: `getnameinfo`,
//! `gethostbyaddr`, `getservbyname`, `getservbyport` and `getprotobyname`, through the C
//! library (the interpreter runs one thread, so the non-reentrant calls are safe to use).

use std::ffi::{CStr, CString};

use pyrite_object::methods::check_args;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::addr::{self, SockAddr};
use super::{gai_error, herror_type};
use crate::posix::path::int_arg;

fn c_text(v: &Value, func: &str, n: usize) -> PyResult<CString> {
    let Some(s) = v.as_str().filter(|_| protocol::isinstance(v, &types().str)) else {
        return Err(PyErr::type_error(format!("{func}() argument {n} must be str, not {}", v.type_name())));
    };
    CString::new(s.as_str()).map_err(|_| PyErr::value_error("embedded null character"))
}

fn optional_proto(v: Option<&Value>, func: &str) -> PyResult<Option<CString>> {
    v.filter(|p| !p.is_none()).map(|p| c_text(p, func, 2)).transpose()
}

/// Runs getnameinfo(3) on a resolved address.
fn name_info(ctx: &mut Ctx, address: &SockAddr, flags: i32) -> PyResult<(String, String)> {
    let mut host = [0 as libc::c_char; 1025];
    let mut serv = [0 as libc::c_char; 32];
    // SAFETY: the address is valid for its length and both buffers for theirs.
    let rc = unsafe {
        libc::getnameinfo(
            address.as_ptr(),
            address.len,
            host.as_mut_ptr(),
            addr::socklen(host.len()),
            serv.as_mut_ptr(),
            addr::socklen(serv.len()),
            flags,
        )
    };
    if rc != 0 {
        return Err(gai_error(ctx, rc));
    }
    // SAFETY: getnameinfo NUL-terminates both results within their buffers.
    let text = |b: &[libc::c_char]| unsafe { CStr::from_ptr(b.as_ptr()) }.to_string_lossy().into_owned();
    Ok((text(&host), text(&serv)))
}

/// The single numeric address a host and port resolve to, as CPython's `getnameinfo`.
fn numeric_address(ctx: &mut Ctx, host: &str, port: i64) -> PyResult<SockAddr> {
    let answers = addr::resolve_raw(ctx, host, &port.to_string(), libc::SOCK_DGRAM, libc::AI_NUMERICHOST)?;
    let mut answers = answers.into_iter();
    let first = answers.next().ok_or_else(|| gai_error(ctx, libc::EAI_NONAME))?;
    if answers.next().is_some() {
        return Err(PyErr::new(&types().os_error, "sockaddr resolved to multiple addresses"));
    }
    Ok(first)
}

/// `getnameinfo(sockaddr, flags)`.
pub fn getnameinfo(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("getnameinfo", args, 2, 2)?;
    let Some(tuple) = values[0].downcast::<PyTuple>().filter(|_| protocol::isinstance(&values[0], &types().tuple))
    else {
        return Err(PyErr::type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let illegal = || PyErr::type_error("getnameinfo(): illegal sockaddr argument");
    let items = tuple.items();
    if !(2..=4).contains(&items.len()) {
        return Err(illegal());
    }
    let host = items[0].as_str().filter(|_| protocol::isinstance(&items[0], &types().str)).ok_or_else(illegal)?;
    let host = host.as_str().to_owned();
    if !protocol::isinstance(&items[1], &types().int) {
        return Err(illegal());
    }
    let port = int_arg(ctx, &items[1])?;
    let flags = crate::posix::path::c_int_arg(ctx, &values[1])?;
    let mut address = numeric_address(ctx, &host, port)?;
    let family = i32::from(address.storage.ss_family);
    if family == libc::AF_INET && items.len() != 2 {
        return Err(PyErr::new(&types().os_error, "IPv4 sockaddr must be 2 tuple"));
    }
    if family == libc::AF_INET6 && items.len() > 2 {
        let flowinfo = if let Some(f) = items.get(2) { int_arg(ctx, f)? } else { 0 };
        let flowinfo = u32::try_from(flowinfo)
            .ok()
            .filter(|&f| f <= 0xF_FFFF)
            .ok_or_else(|| PyErr::overflow("getnameinfo(): flowinfo must be 0-1048575."))?;
        let scope_id = if let Some(s) = items.get(3) { int_arg(ctx, s)? } else { 0 };
        // SAFETY: the family says the record is a sockaddr_in6.
        let raw = unsafe { &mut *address.as_mut_ptr().cast::<libc::sockaddr_in6>() };
        raw.sin6_flowinfo = flowinfo.to_be();
        raw.sin6_scope_id = u32::try_from(scope_id).unwrap_or(0);
    }
    let (host, serv) = name_info(ctx, &address, flags)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::str(&host), Value::str(&serv)])))
}

/// `gethostbyaddr(ip_address)`: `(hostname, aliases, addresses)`.
pub fn gethostbyaddr(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("gethostbyaddr", args, 1, 1)?;
    let Some(text) = values[0].as_str() else {
        return Err(PyErr::type_error(format!(
            "gethostbyaddr() argument 1 must be str, bytes or bytearray, not {}",
            values[0].type_name()
        )));
    };
    let text = text.as_str().to_owned();
    let answers = addr::resolve_raw(ctx, &text, "0", libc::SOCK_STREAM, 0)?;
    let Some(address) = answers.into_iter().next() else { return Err(gai_error(ctx, libc::EAI_NONAME)) };
    let ip = match addr::to_python(&address).downcast::<PyTuple>().and_then(|t| t.items().first().cloned()) {
        Some(ip) => ip,
        None => Value::str(&text),
    };
    let Ok((name, _)) = name_info(ctx, &address, libc::NI_NAMEREQD) else {
        return Err(PyErr::with_args(herror_type(), vec![Value::Int(1), Value::str("Unknown host")]));
    };
    Ok(Value::Obj(PyTuple::new_obj(vec![
        Value::str(&name),
        Value::Obj(PyList::new_obj(Vec::new())),
        Value::Obj(PyList::new_obj(vec![ip])),
    ])))
}

/// `getservbyname(servicename[, protocolname])`: the port number.
pub fn getservbyname(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("getservbyname", args, 1, 2)?;
    let name = c_text(&values[0], "getservbyname", 1)?;
    let proto = optional_proto(values.get(1), "getservbyname")?;
    // SAFETY: NUL-terminated strings (or null); the result points to static storage read at once.
    let port = unsafe {
        let entry = libc::getservbyname(name.as_ptr(), proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()));
        if entry.is_null() { None } else { Some((*entry).s_port) }
    };
    let port = port.ok_or_else(|| PyErr::new(&types().os_error, "service/proto not found"))?;
    Ok(Value::Int(i64::from(u16::from_be(u16::try_from(port & 0xFFFF).unwrap_or(0)))))
}

/// `getservbyport(port[, protocolname])`: the service name.
pub fn getservbyport(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("getservbyport", args, 1, 2)?;
    let port = int_arg(ctx, &values[0])?;
    let port = u16::try_from(port).map_err(|_| PyErr::overflow("getservbyport: port must be 0-65535."))?;
    let proto = optional_proto(values.get(1), "getservbyport")?;
    // SAFETY: as in getservbyname; the name is copied before any other call.
    let name = unsafe {
        let entry =
            libc::getservbyport(i32::from(port.to_be()), proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()));
        if entry.is_null() { None } else { Some(CStr::from_ptr((*entry).s_name).to_string_lossy().into_owned()) }
    };
    let name = name.ok_or_else(|| PyErr::new(&types().os_error, "port/proto not found"))?;
    Ok(Value::str(&name))
}

/// `getprotobyname(name)`: the protocol number.
pub fn getprotobyname(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("getprotobyname", args, 1, 1)?;
    let name = c_text(&values[0], "getprotobyname", 1)?;
    // SAFETY: a NUL-terminated string; the result points to static storage read at once.
    let number = unsafe {
        let entry = libc::getprotobyname(name.as_ptr());
        if entry.is_null() { None } else { Some((*entry).p_proto) }
    };
    let number = number.ok_or_else(|| PyErr::new(&types().os_error, "protocol not found"))?;
    Ok(Value::Int(i64::from(number)))
}
