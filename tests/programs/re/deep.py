# Deep backtracking runs on an explicit stack: long subjects do not overflow.
import re

n = 100_000
text = 'ab' * (n // 2)
print(re.fullmatch(r'(?:a|b)*c', text + 'c') is not None)
print(re.fullmatch(r'(?:a|b)*c', text))
print(re.match(r'(?:a|b)*?c', text + 'c').end())
print(re.match(r'(ab)*', text).span(), re.match(r'(ab)*', text).group(1))
print(re.match(r'((a)|(b))*', text).groups())
print(re.search(r'(x+x+)+y', 'x' * 18))
print(len(re.findall(r'\w', 'a' * n)), len(re.sub(r'a', 'bb', 'a' * n)))
print(re.match(r'(?:(?:a)+)+b', 'a' * 20 + 'b').span())
print(re.match(r'(a|aa)*c', 'a' * 25))
print(re.match(r'.*' * 5 + 'x', 'y' * 30))
print(re.search(r'a.*b.*c', 'a' + 'x' * 5000 + 'b' + 'x' * 5000 + 'c').span())
