"""Pillow references for PillowParityTest (run with Pillow 12.3; needs nothing else).

For each input it writes the 336x336 8-bit RGB result of LLaVA-1.5's CLIP preprocessing before normalisation,
computed with Pillow's own resize: crop = resize short side to 336 (long side int(336 * long / short)), bicubic,
reducing_gap=None, centre crop with (size - 336) // 2; pad = first paste centred on a square of
tuple(int(m * 255) for m in CLIP mean).
"""
import random
from PIL import Image

MEAN = (0.48145466, 0.4578275, 0.40821073)


def synthetic(w, h, seed):
    rnd = random.Random(seed)
    im = Image.new("RGB", (w, h))
    px = im.load()
    for y in range(h):
        for x in range(w):
            n = rnd.randrange(-4, 5)
            px[x, y] = (max(0, min(255, (x * 255) // w + n)), max(0, min(255, (y * 255) // h - n)),
                        (x * 7 + y * 13) % 256)
    return im


def llava_view(im, pad):
    if pad and im.width != im.height:
        side = max(im.size)
        canvas = Image.new("RGB", (side, side), tuple(int(m * 255) for m in MEAN))
        canvas.paste(im, ((side - im.width) // 2, (side - im.height) // 2))
        im = canvas
    w, h = im.size
    short, long = (w, h) if w <= h else (h, w)
    new_long = int(336 * long / short)
    size = (336, new_long) if w <= h else (new_long, 336)
    im = im.resize(size, resample=Image.BICUBIC, reducing_gap=None)
    left, top = (size[0] - 336) // 2, (size[1] - 336) // 2
    return im.crop((left, top, left + 336, top + 336))


for name, (w, h, seed) in {"down_333x517": (333, 517, 1), "up_150x100": (150, 100, 2)}.items():
    src = synthetic(w, h, seed)
    src.save(f"{name}.png")
    llava_view(src, pad=False).save(f"{name}.crop.png")
    llava_view(src, pad=True).save(f"{name}.pad.png")
