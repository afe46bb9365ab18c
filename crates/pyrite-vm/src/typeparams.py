"""Run-time objects of PEP 695 syntax (type parameter lists and `type` statements, from
Python 3.12), built on CPython 3.11's `typing` so that they work with its `Generic`,
`get_type_hints` and friends. Pyrite's `CALL_INTRINSIC_*` instructions call these."""

import types
import typing


class _LazyEvaluation:
    """A bound, constraints or alias value computed by calling `evaluate` once, when first
    asked for (so that it may name things defined after the generic object)."""

    __slots__ = ("_evaluate", "_value", "_done")

    def __init__(self, evaluate):
        self._evaluate = evaluate
        self._done = False

    def get(self):
        if not self._done:
            self._value = self._evaluate()
            self._done = True
        return self._value


class _SyntaxTypeVar(typing.TypeVar, _root=True):
    """A type variable declared by a type parameter list: variance is inferred (so its
    repr is its bare name) and the bound or constraints are evaluated lazily."""

    def __init__(self, name, module, bound=None, constraints=None):
        self._lazy_bound = None if bound is None else _LazyEvaluation(bound)
        self._lazy_constraints = None if constraints is None else _LazyEvaluation(constraints)
        super().__init__(name)
        self.__infer_variance__ = True
        self.__module__ = module

    @property
    def __bound__(self):
        if self._lazy_bound is None:
            return None
        return typing._type_check(self._lazy_bound.get(), "Bound must be a type.")

    @__bound__.setter
    def __bound__(self, value):
        pass

    @property
    def __constraints__(self):
        if self._lazy_constraints is None:
            return ()
        return tuple(typing._type_check(t, "TypeVar(name, constraint, ...): constraints must be types.")
                     for t in self._lazy_constraints.get())

    @__constraints__.setter
    def __constraints__(self, value):
        pass

    def __repr__(self):
        return self.__name__


class _SyntaxParamSpec(typing.ParamSpec, _root=True):
    """A parameter specification declared as `**P` in a type parameter list."""

    def __init__(self, name, module):
        super().__init__(name)
        self.__infer_variance__ = True
        self.__module__ = module

    def __repr__(self):
        return self.__name__


for _cls, _name in ((_SyntaxTypeVar, "TypeVar"), (_SyntaxParamSpec, "ParamSpec")):
    _cls.__name__ = _cls.__qualname__ = _name
    _cls.__module__ = "typing"


def typevar(name, module):
    return _SyntaxTypeVar(name, module)


def typevar_with_bound(name, evaluate, module):
    return _SyntaxTypeVar(name, module, bound=evaluate)


def typevar_with_constraints(name, evaluate, module):
    return _SyntaxTypeVar(name, module, constraints=evaluate)


def paramspec(name, module):
    return _SyntaxParamSpec(name, module)


def typevartuple(name, module):
    tvt = typing.TypeVarTuple(name)
    tvt.__module__ = module
    return tvt


def subscript_generic(params):
    unpacked = tuple(typing.Unpack[p] if isinstance(p, typing.TypeVarTuple) else p for p in params)
    return typing.Generic[unpacked]


class TypeAliasType:
    """The value of a `type` statement: a named alias whose value is computed when first
    asked for."""

    def __init__(self, name, type_params, evaluate_value, module):
        attrs = {
            "__name__": name,
            "__type_params__": () if type_params is None else type_params,
            "__module__": module,
            "_lazy_value": _LazyEvaluation(evaluate_value),
        }
        for key, value in attrs.items():
            object.__setattr__(self, key, value)

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("type 'typing.TypeAliasType' is not an acceptable base type")

    @property
    def __value__(self):
        return self._lazy_value.get()

    @property
    def __parameters__(self):
        return self.__type_params__

    def __setattr__(self, name, value):
        if name in ("__name__", "__type_params__", "__module__"):
            raise AttributeError("readonly attribute")
        if name in ("__value__", "__parameters__"):
            raise AttributeError(f"attribute '{name}' of 'typing.TypeAliasType' objects is not writable")
        raise AttributeError(f"'typing.TypeAliasType' object has no attribute '{name}'")

    def __delattr__(self, name):
        raise AttributeError("readonly attribute")

    def __repr__(self):
        return self.__name__

    def __getitem__(self, parameters):
        if not self.__type_params__:
            raise TypeError("Only generic type aliases are subscriptable")
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        return types.GenericAlias(self, parameters)

    def __or__(self, right):
        return typing.Union[self, right]

    def __ror__(self, left):
        return typing.Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __call__(self, *args, **kwargs):
        raise TypeError("'typing.TypeAliasType' object is not callable")


TypeAliasType.__module__ = "typing"


def typealias(name, type_params, evaluate_value, module):
    return TypeAliasType(name, type_params, evaluate_value, module)


def set_function_type_params(func, type_params):
    func.__type_params__ = type_params
    return func
