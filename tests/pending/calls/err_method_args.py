# Method call errors use the qualified name and count `self`.
class Account:
    def deposit(self, amount):
        return amount


acct = Account()
print(acct.deposit(5))
acct.deposit(1, 2)
