# unittest's failure messages: the diffs assertEqual shows for lists, dicts, tuples,
# sets and long strings (difflib, pprint), and unittest.main's -v and -k options.
import io
import os
import re
import unittest

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


class Messages(unittest.TestCase):
    maxDiff = None

    def test_list(self):
        self.assertEqual([1, 2, 3, 4], [1, 2, 5, 4])

    def test_dict(self):
        self.assertEqual({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3], "c": None})

    def test_tuple_length(self):
        self.assertEqual((1, 2), (1, 2, 3))

    def test_set(self):
        self.assertEqual({1, 2, 3}, {2, 3, 4})

    def test_multiline(self):
        self.assertEqual("one\ntwo\nthree\n", "one\nTWO\nthree\n")

    def test_long_string(self):
        self.assertEqual("x" * 30 + "a", "x" * 30 + "b")

    def test_in(self):
        self.assertIn("needle", ["hay", "stack"])

    def test_is(self):
        self.assertIs([], None)

    def test_almost(self):
        self.assertAlmostEqual(1.0, 1.1, places=3)

    def test_count_equal(self):
        self.assertCountEqual([1, 1, 2], [1, 2, 2])

    def test_regex(self):
        self.assertRegex("hello world", r"^world")

    def test_raises_regex(self):
        with self.assertRaisesRegex(ValueError, "expected"):
            raise ValueError("something else")


def run(argv):
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream)
    program = unittest.main(module=__name__, argv=argv, exit=False, testRunner=runner)
    text = stream.getvalue().replace(HERE, "")
    print(re.sub(r"Ran (\d+) tests? in \d+\.\d+s", r"Ran \1 tests in TIME", text))
    return program.result


result = run(["prog"])
print(len(result.failures), len(result.errors))
result = run(["prog", "-v", "-k", "test_l"])
print(result.testsRun)
