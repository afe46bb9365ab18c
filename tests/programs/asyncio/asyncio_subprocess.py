# asyncio subprocesses with the pidfd child watcher (the default watcher needs a thread):
# pipes, communicate, exit codes, a shell command.
import asyncio
async def main():
    p = await asyncio.create_subprocess_exec("sh", "-c", "echo out; echo err >&2; exit 4",
                                             stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await p.communicate()
    print(out, err, p.returncode)
    p = await asyncio.create_subprocess_shell("cat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    print(await p.communicate(b"through cat"), p.returncode)
asyncio.set_child_watcher(asyncio.PidfdChildWatcher())
asyncio.run(main())
