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
    /// The checks run in the order of CPython's `_PyArg_UnpackKeywords`, so that the first
    /// error reported is CPython's.
    ///
    /// # Errors
    /// CPython's `TypeError` for too many arguments, too many or too few positional ones,
    /// missing required ones, one given by name and position, and unknown keywords
    /// (positional-only names given as keywords are unknown keywords).
    pub fn bind<'a, const N: usize>(&self, args: Args<'a>) -> PyResult<[Option<&'a Value>; N]> {
        debug_assert_eq!(N, self.names.len(), "Params::bind for {}", self.name);
        let name = self.name;
        let positional = args.pos();
        let (given, keywords) = (positional.len(), args.kwnames.len());
        let max_args = self.names.len();
        let max_positional = self.keyword_only_from;
        let min_positional = self.required.min(max_positional);
        if given + keywords > max_args {
            return Err(PyErr::type_error(format!(
                "{name}() takes at most {max_args} {}argument{} ({} given)",
                if given == 0 { "keyword " } else { "" },
                if max_args == 1 { "" } else { "s" },
                given + keywords
            )));
        }
        if given > max_positional {
            if max_positional == 0 {
                return Err(PyErr::type_error(format!("{name}() takes no positional arguments")));
            }
            let kind = if min_positional == max_positional { "exactly" } else { "at most" };
            let plural = if max_positional == 1 { "" } else { "s" };
            return Err(PyErr::type_error(format!(
                "{name}() takes {kind} {max_positional} positional argument{plural} ({given} given)"
            )));
        }
        let min_positional_only = self.positional_only.min(min_positional);
        if given < min_positional_only {
            let kind = if min_positional_only < max_positional { "at least" } else { "exactly" };
            let plural = if min_positional_only == 1 { "" } else { "s" };
            return Err(PyErr::type_error(format!(
                "{name}() takes {kind} {min_positional_only} positional argument{plural} ({given} given)"
            )));
        }
        let mut out: [Option<&'a Value>; N] = [None; N];
        for (slot, value) in out.iter_mut().zip(positional) {
            *slot = Some(value);
        }
        let find = |wanted: &str| args.keywords().find(|(k, _)| k.as_str().is_some_and(|k| k.as_str() == wanted));
        let mut unused = keywords;
        let first_keyword = given.max(self.positional_only);
        for (i, slot) in out.iter_mut().enumerate().skip(first_keyword) {
            if unused > 0
                && let Some((_, value)) = find(self.names[i])
            {
                *slot = Some(value);
                unused -= 1;
            } else if i < self.required {
                return Err(PyErr::type_error(format!(
                    "{name}() missing required argument '{}' (pos {})",
                    self.names[i],
                    i + 1
                )));
            }
        }
        if unused > 0 {
            for i in self.positional_only..given {
                if find(self.names[i]).is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {name}() given by name ('{}') and position ({})",
                        self.names[i],
                        i + 1
                    )));
                }
            }
            for (key, _) in args.keywords() {
                let known = key.as_str().is_some_and(|k| self.names[self.positional_only..].contains(&k.as_str()));
                if !known {
                    let key = key.as_str().map_or(String::new(), |k| k.as_str().to_owned());
                    return Err(PyErr::type_error(format!("'{key}' is an invalid keyword argument for {name}()")));
                }
            }
        }
        Ok(out)
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
