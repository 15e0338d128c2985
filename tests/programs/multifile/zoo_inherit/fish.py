# A fish subclass that imports the base module as a whole.
import animals


class Shark(animals.Animal):
    def __init__(self, name, teeth_rows):
        super().__init__(name, 0)
        self.teeth_rows = teeth_rows
        self.hunger = 9

    def sound(self):
        return "chomp" * self.teeth_rows if self.hunger > 6 else "glub"

    def kind(self):
        return f"shark with {self.teeth_rows} rows"
