# unittest run from a program: every kind of outcome, the verbose report and the summary,
# as CPython prints them. The runner writes to a StringIO; the timing and this
# directory's path are normalized so the output is the same everywhere.
import io
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
events = []


class Outcomes(unittest.TestCase):
    """Tests with every outcome."""

    @classmethod
    def setUpClass(cls):
        events.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        events.append("tearDownClass")

    def setUp(self):
        self.value = 3
        events.append("setUp " + self._testMethodName)

    def tearDown(self):
        events.append("tearDown " + self._testMethodName)

    def test_pass(self):
        """A test that passes."""
        self.assertEqual(self.value, 3)
        self.assertTrue(self.value)
        self.assertIn(self.value, [1, 2, 3])
        self.assertIsNone(None)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertIsInstance(self.value, int)

    def test_fail(self):
        self.assertEqual(self.value, 4)

    def test_fail_message(self):
        self.assertGreater(1, 2, "one is not more than two")

    def test_error(self):
        raise KeyError("missing")

    @unittest.skip("not today")
    def test_skipped(self):
        raise AssertionError("never runs")

    def test_skip_inside(self):
        self.skipTest("decided while running")

    @unittest.skipIf(sys.maxsize > 1, "64-bit")
    def test_skip_if(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertNotEqual(i % 2, 1)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as caught:
            1 / 0
        self.assertEqual(str(caught.exception), "division by zero")
        with self.assertRaisesRegex(ValueError, r"invalid literal"):
            int("x")
        self.assertRaises(KeyError, {}.__getitem__, 1)
        with self.assertRaises(TypeError):
            pass

    def test_warns(self):
        import warnings
        with self.assertWarns(DeprecationWarning):
            warnings.warn("old", DeprecationWarning)


class Other(unittest.TestCase):
    def test_only(self):
        self.assertCountEqual([1, 2, 2], [2, 1, 2])


def normalize(text):
    text = text.replace(HERE, "")
    return re.sub(r"Ran (\d+) tests? in \d+\.\d+s", r"Ran \1 tests in TIME", text)


stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
program = unittest.main(module=__name__, argv=["prog"], exit=False, testRunner=runner)
print(normalize(stream.getvalue()))
result = program.result
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
print(events[0], events[-1], len(events))

stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(Other)
result = unittest.TextTestRunner(stream=stream, verbosity=1).run(suite)
print(normalize(stream.getvalue()))
print(result.wasSuccessful())
