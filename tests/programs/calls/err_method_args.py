# Method call errors use the qualified name and count `self`.
class Account:
    def __init__(self):
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        return self.balance


acct = Account()
print(acct.deposit(5), Account.deposit(acct, 10))
acct.deposit(1, 2)
