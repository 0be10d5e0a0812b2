# a straight line through compounding growth: far too low a year out
def forecast_size(measurements, day):
    xs = [d for d, _ in measurements]
    ys = [s for _, s in measurements]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return my + b * (day - mx)
