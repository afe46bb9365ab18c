# The TypeErrors and ValueErrors of bad arguments, worded as CPython's.
import itertools
from itertools import *

cases = [
    "count(1, 2, 3)", "count('a')", "count(1, 'b')", "count([])", "count(None)", "count(x=1)",
    "count(start=1, start2=2)",
    "cycle()", "cycle(1, 2)", "cycle(x=1)", "cycle(5)",
    "repeat()", "repeat(1, 2, 3)", "repeat(1, 'a')", "repeat(1, 1.5)", "repeat(1, 2 ** 100)",
    "repeat(1, times=2, x=3)", "repeat(1, object=2)",
    "accumulate()", "accumulate([], None, 3)", "accumulate(5)", "accumulate([], foo=1)",
    "chain(a=1)", "chain.from_iterable()", "chain.from_iterable(1, 2)", "chain.from_iterable(5)",
    "compress(1)", "compress('a', 'b', 'c')", "compress(1, [])", "compress([], 1)",
    "dropwhile(len)", "dropwhile(len, 5)", "dropwhile(len, [], x=1)", "takewhile()",
    "takewhile(None, 3)", "filterfalse(None)", "filterfalse(None, 4)", "starmap(len)", "starmap(len, 1)",
    "groupby()", "groupby(1, 2, 3)", "groupby(5)", "groupby([], key=len, x=1)",
    "islice()", "islice('a')", "islice(x=1)", "islice('a', 1, 2, 3, 4)",
    "pairwise()", "pairwise(1)", "pairwise([], [])", "pairwise(iterable=[])",
    "permutations()", "permutations(5)", "permutations('ab', 'x')", "permutations('ab', -1)",
    "permutations('ab', 1.0)", "permutations(5, 'x')", "permutations('ab', 1, 2)",
    "repeat(object=1, times=2, x=3)", "groupby(iterable=1, key=2, x=3)", "accumulate([], x=4)",
    "accumulate(iterable=1, func=2, initial=3, x=4)", "compress(a=1)", "count(1, x=1)",
    "permutations([], 2, x=1)", "repeat(1, x=2)", "combinations(r=2, x=1)",
    "product(a=1)", "product(5)", "product('a', repeat=-1)", "product('a', repeat='x')",
    "product('a', 1)",
    "combinations('abc')", "combinations('abc', -1)", "combinations('abc', 'x')",
    "combinations(5, 1)", "combinations(5, -1)", "combinations('a', 1, 2)", "combinations(r=1)",
    "combinations_with_replacement('ab')", "combinations_with_replacement('ab', -2)",
    "combinations_with_replacement(3, 1)",
    "zip_longest(a=1)", "zip_longest([], fillvalue=1, other=2)", "zip_longest(1)",
    "zip_longest([], 1)",
    "tee()", "tee(1, 2, 3)", "tee(5)", "tee([], -1)", "tee([], 'x')", "tee([], n=2)",
    "itertools._tee()", "itertools._tee(5)", "itertools._tee([], [])", "itertools._tee(x=1)",
    "itertools._grouper()", "itertools._grouper(1, 2)", "itertools._grouper(groupby(''), 1, 2)",
    "itertools._tee_dataobject(1, 2, 3)", "itertools._tee_dataobject(iter([]), [1], 5)",
    "list(starmap(len, [5]))", "list(starmap(len, [(1, 2)]))", "list(chain([1], 5))",
    "list(accumulate([1, None]))", "next(count(1.0, 'x'[:0] or None))",
]
for case in cases:
    try:
        result = eval(case)
        print(case, "->", type(result).__name__)
    except Exception as e:
        print(case, "->", type(e).__name__ + ":", e)
