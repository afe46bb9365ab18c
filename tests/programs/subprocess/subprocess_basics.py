# subprocess on _posixsubprocess.fork_exec: run/check_output/Popen with pipes, input,
# cwd, env, exit codes, and the errors for a missing program or directory.
import os
import subprocess
import sys

print(subprocess.run(["echo", "hello", "world"], capture_output=True).stdout)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(["tr", "a-z", "A-Z"], input=b"shout\n"))
print(subprocess.run(["pwd"], cwd="/", capture_output=True, text=True).stdout.strip())
print(subprocess.run(["sh", "-c", "echo $PYRITE_SUB_TEST"], env={"PYRITE_SUB_TEST": "from env"},
                     capture_output=True, text=True).stdout.strip())
print(subprocess.run("echo shell=True | wc -c", shell=True, capture_output=True, text=True).stdout.strip())
try:
    subprocess.check_call(["sh", "-c", "exit 7"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e.returncode, e)
try:
    subprocess.run(["/no/such/program"])
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.filename)
try:
    subprocess.run(["ls"], cwd="/no/such/dir")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.filename)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = p.communicate(b"line 1\nline 2\n")
print(out.splitlines(), p.returncode, p.pid > 0)
p = subprocess.Popen(["sh", "-c", "kill -TERM $$"])
print("signalled:", p.wait())
r, w = os.pipe()
p = subprocess.Popen(["sh", "-c", f"echo passed >&{w}"], pass_fds=(w,))
p.wait()
os.close(w)
print(os.read(r, 100))
os.close(r)
print(subprocess.run(["sh", "-c", "exit 0"]).returncode, subprocess.call(["false"]))
out = subprocess.run(["sh", "-c", "echo to-devnull"], stdout=subprocess.DEVNULL)
print(out.stdout, out.returncode)
merged = subprocess.run(["sh", "-c", "echo a; echo b >&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(merged.stdout.split()))
