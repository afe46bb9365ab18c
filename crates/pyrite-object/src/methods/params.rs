//! Binding the arguments of a native function to its parameters, with the `TypeError`s
//! CPython's Argument Clinic raises (the wording native modules' users see).
//!
//! A native function declares a [`Params`] (a `const`) and calls [`Params::bind`] first:
//!
//! ```ignore
//! const ISCLOSE: Params = Params::new("isclose", &["a", "b", "rel_tol", "abs_tol"]).required(2).keyword_only(2);
//! let [a, b, rel_tol, abs_tol] = ISCLOSE.bind(args)?;
//! ```

use crate::ctx::Args;
use crate::error::{PyErr, PyResult};
use crate::types::str::PyStr;
use crate::value::Value;

/// The parameters of a native function: names in order, how many are required, which
/// are positional-only and which keyword-only.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    /// The function's name as messages show it (`"isclose"`, `"deque.rotate"` is not used:
    /// CPython names only the function).
    pub name: &'static str,
    /// All parameter names, positional ones first.
    pub names: &'static [&'static str],
    /// How many leading parameters must be given.
    pub required: usize,
    /// How many leading parameters cannot be given by keyword.
    pub positional_only: usize,
    /// Index of the first keyword-only parameter (`names.len()` when there is none).
    pub keyword_only_from: usize,
}

impl Params {
    /// Parameters that may all be given by position or keyword, all optional.
    #[must_use]
    pub const fn new(name: &'static str, names: &'static [&'static str]) -> Params {
        Params { name, names, required: 0, positional_only: 0, keyword_only_from: names.len() }
    }

    /// The first `n` parameters are required.
    #[must_use]
    pub const fn required(mut self, n: usize) -> Params {
        self.required = n;
        self
    }

    /// The first `n` parameters are positional-only (a `/` after them).
    #[must_use]
    pub const fn positional_only(mut self, n: usize) -> Params {
        self.positional_only = n;
        self
    }

    /// Parameters from index `from` on are keyword-only (a `*` before them).
    #[must_use]
    pub const fn keyword_only(mut self, from: usize) -> Params {
        self.keyword_only_from = from;
        self
    }

    /// Binds `args`; `N` must equal `names.len()`. Missing optional parameters are `None`.
    ///
    /// # Errors
    /// CPython's `TypeError` for too many positional arguments, unknown or duplicate
    /// keywords, keywords for positional-only parameters, and missing required ones.
    pub fn bind<'a, const N: usize>(&self, args: Args<'a>) -> PyResult<[Option<&'a Value>; N]> {
        debug_assert_eq!(N, self.names.len(), "Params::bind for {}", self.name);
        let positional = args.pos();
        let max_positional = self.keyword_only_from;
        if positional.len() > max_positional {
            return Err(self.too_many_positional(positional.len(), args.kwnames.len()));
        }
        let mut out: [Option<&'a Value>; N] = [None; N];
        for (slot, value) in out.iter_mut().zip(positional) {
            *slot = Some(value);
        }
        for (key, value) in args.keywords() {
            let key = key.as_str().map_or("", PyStr::as_str);
            let index = self.names.iter().position(|n| *n == key).filter(|&i| i >= self.positional_only);
            let Some(i) = index else {
                if self.names[..self.positional_only].contains(&key) {
                    return Err(PyErr::type_error(format!(
                        "{}() got some positional-only arguments passed as keyword arguments: '{key}'",
                        self.name
                    )));
                }
                return Err(PyErr::type_error(format!("'{key}' is an invalid keyword argument for {}()", self.name)));
            };
            if out[i].is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for {}() given by name ('{key}') and position ({})",
                    self.name,
                    i + 1
                )));
            }
            out[i] = Some(value);
        }
        if let Some(missing) = (0..self.required).find(|&i| out[i].is_none()) {
            return Err(self.missing(missing, positional.len()));
        }
        Ok(out)
    }

    /// CPython's `_PyArg_UnpackKeywords`: more arguments than parameters first, then more
    /// positional ones than the positional parameters.
    fn too_many_positional(&self, given: usize, keywords: usize) -> PyErr {
        let name = self.name;
        let total = self.names.len();
        if given + keywords > total {
            let keyword = if given == 0 { "keyword " } else { "" };
            let plural = if total == 1 { "" } else { "s" };
            let n = given + keywords;
            return PyErr::type_error(format!("{name}() takes at most {total} {keyword}argument{plural} ({n} given)"));
        }
        let max = self.keyword_only_from;
        if max == 0 {
            return PyErr::type_error(format!("{name}() takes no positional arguments"));
        }
        let plural = if max == 1 { "" } else { "s" };
        let kind = if self.required >= max { "exactly" } else { "at most" };
        PyErr::type_error(format!("{name}() takes {kind} {max} positional argument{plural} ({given} given)"))
    }

    fn missing(&self, index: usize, given: usize) -> PyErr {
        let name = self.name;
        if index < self.positional_only || given < self.positional_only {
            let min = self.required.min(self.keyword_only_from);
            let kind = if min == self.keyword_only_from { "exactly" } else { "at least" };
            let plural = if min == 1 { "" } else { "s" };
            return PyErr::type_error(format!(
                "{name}() takes {kind} {min} positional argument{plural} ({given} given)"
            ));
        }
        PyErr::type_error(format!("{name}() missing required argument '{}' (pos {})", self.names[index], index + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISCLOSE: Params = Params::new("isclose", &["a", "b", "rel_tol", "abs_tol"]).required(2).keyword_only(2);

    fn message(err: PyErr) -> String {
        err.message()
    }

    #[test]
    fn binds_positional_and_keywords() {
        crate::init();
        let values = [Value::Int(1), Value::Int(2), Value::Float(0.5)];
        let kwnames = [Value::str("abs_tol")];
        let [a, b, rel, abs] = ISCLOSE.bind(Args { values: &values, kwnames: &kwnames }).unwrap();
        assert!(matches!(a, Some(Value::Int(1))));
        assert!(matches!(b, Some(Value::Int(2))));
        assert!(rel.is_none());
        assert!(matches!(abs, Some(Value::Float(_))));
    }

    #[test]
    fn reports_cpython_messages() {
        crate::init();
        let three = [Value::Int(1), Value::Int(2), Value::Int(3)];
        let err = ISCLOSE.bind::<4>(Args::positional(&three)).unwrap_err();
        assert_eq!(message(err), "isclose() takes exactly 2 positional arguments (3 given)");
        let one = [Value::Int(1)];
        let err = ISCLOSE.bind::<4>(Args::positional(&one)).unwrap_err();
        assert_eq!(message(err), "isclose() missing required argument 'b' (pos 2)");
        let values = [Value::Int(1), Value::Int(2), Value::Int(3)];
        let kwnames = [Value::str("c")];
        let err = ISCLOSE.bind::<4>(Args { values: &values, kwnames: &kwnames }).unwrap_err();
        assert_eq!(message(err), "'c' is an invalid keyword argument for isclose()");
        let kwnames = [Value::str("a")];
        let err = ISCLOSE.bind::<4>(Args { values: &values, kwnames: &kwnames }).unwrap_err();
        assert_eq!(message(err), "argument for isclose() given by name ('a') and position (1)");
    }
}
