# Multi-file: methods and inherited class attributes reached through a module-qualified class (`mod.Class.name`).
import shapes
import solids

c = solids.Cube(3)
print(c.describe(), c.area(), c.volume())
sq = shapes.Shape.named("square")
print(sq.describe(), shapes.Shape.unit(), shapes.Shape.describe(c))
print(shapes.Shape.created, solids.Cube.created, solids.Cube.FACES)
