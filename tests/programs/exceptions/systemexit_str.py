# SystemExit with a string prints it to stderr and exits with status 1.
def check_config(cfg):
    if "port" not in cfg:
        raise SystemExit("fatal: configuration missing")
    return cfg["port"]


print(check_config({"port": 80}))
print("about to exit")
check_config({})
