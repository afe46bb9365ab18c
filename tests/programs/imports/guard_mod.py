def main():
    return "main ran"


if __name__ == "__main__":
    print("run as main:", main())
else:
    print("imported as", __name__)
