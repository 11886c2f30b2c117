#!/usr/bin/python3
"""Reference figures for the intercoder-agreement tests, computed outside the product code.

Reads the fixture articles and the two coders' sidecars (test/fixtures/agreement/), builds the unit vectors itself
(one unit per code point, line breaks excluded; a unit is marked for tag T when it lies inside one of the coder's
annotations tagged T, tags matched by their trimmed label), then computes:
  * Cohen's kappa with scikit-learn's cohen_kappa_score (Debian package python3-sklearn);
  * Krippendorff's alpha (nominal) from its coincidence-matrix definition, written out here;
  * percent agreement.
Annotations whose stored position no longer holds their quote count as orphaned and mark nothing (the fixtures are
written at exact positions, so that is the only re-anchoring these files need).

Run: /usr/bin/python3 test/reference/agreement_reference.py > test/reference/agreement.expected.json
"""
import json
import math
import os
import sys
import warnings
from collections import Counter

import sklearn
from sklearn.metrics import cohen_kappa_score

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, '..', 'fixtures', 'agreement')
ARTICLES = ['sample.md', 'news.txt']
CODERS = ['alice', 'bob']


def utf16_units(text):
    """(utf16 offset, code point) for every character that is not a line break."""
    offset = 0
    units = []
    for ch in text:
        if ch not in '\r\n':
            units.append(offset)
        offset += 2 if ord(ch) > 0xFFFF else 1
    return units


def utf16_slice(text, start, end):
    encoded = text.encode('utf-16-le')
    return encoded[2 * start:2 * end].decode('utf-16-le', errors='replace')


def coder_marks(text, sidecar):
    labels = {t['id']: t['label'].strip() for t in sidecar.get('tags', [])}
    ranges = {label: [] for label in labels.values()}
    for ann in sidecar['annotations']:
        selectors = {s['type']: s for s in ann['target']['selector']}
        pos = selectors['TextPositionSelector']
        exact = selectors['TextQuoteSelector']['exact']
        if utf16_slice(text, pos['start'], pos['end']) != exact:
            continue  # orphaned
        for tag in set(ann.get('tags', [])):
            ranges.setdefault(labels.get(tag, tag), []).append((pos['start'], pos['end']))
    return ranges


def vector(units, ranges):
    return [1 if any(s <= u < e for s, e in ranges) else 0 for u in units]


def alpha_nominal(a, b):
    """Krippendorff's alpha, nominal metric, two coders, no missing values, via the coincidence matrix."""
    o = Counter()
    for x, y in zip(a, b):
        # each unit has m_u = 2 values: it adds 1/(m_u - 1) = 1 to o[x, y] and to o[y, x]
        o[(x, y)] += 1
        o[(y, x)] += 1
    values = sorted({v for pair in o for v in pair})
    n_c = {c: sum(o[(c, k)] for k in values) for c in values}
    n = sum(n_c.values())
    observed = sum(o[(c, k)] for c in values for k in values if c != k)
    expected = sum(n_c[c] * n_c[k] for c in values for k in values if c != k)
    if n == 0 or expected == 0:
        return None
    return 1 - (n - 1) * observed / expected


def kappa(a, b):
    if not a:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        k = cohen_kappa_score(a, b)
    return None if math.isnan(k) else float(k)


def figures(a, b):
    n = len(a)
    return {
        'units': n,
        'a': sum(a), 'b': sum(b), 'both': sum(1 for x, y in zip(a, b) if x and y),
        'percent': None if n == 0 else 100 * sum(1 for x, y in zip(a, b) if x == y) / n,
        'kappa': kappa(a, b),
        'alpha': alpha_nominal(a, b),
    }


def main():
    result = {'generator': f'test/reference/agreement_reference.py, scikit-learn {sklearn.__version__}', 'articles': {}, 'pooled': {}}
    pooled = {}
    for article in ARTICLES:
        text = open(os.path.join(FIXTURES, article), encoding='utf-8', newline='').read()
        units = utf16_units(text)
        marks = [coder_marks(text, json.load(open(os.path.join(FIXTURES, f'{article}.tension.{c}.json'), encoding='utf-8'))) for c in CODERS]
        labels = list(dict.fromkeys([*marks[0], *marks[1]]))
        tags = {}
        for label in labels:
            a = vector(units, marks[0].get(label, []))
            b = vector(units, marks[1].get(label, []))
            tags[label] = figures(a, b)
            pa, pb = pooled.setdefault(label, ([], []))
            pa.extend(a)
            pb.extend(b)
        for label, (pa, pb) in pooled.items():
            if label not in labels:  # a tag this article's coders never use: unmarked by both here
                pa.extend([0] * len(units))
                pb.extend([0] * len(units))
        result['articles'][article] = {'units': len(units), 'tags': tags}
    total = sum(a['units'] for a in result['articles'].values())
    for label, (pa, pb) in pooled.items():
        # a tag first seen in a later article is unmarked by both in the earlier ones
        missing = total - len(pa)
        result['pooled'][label] = figures([0] * missing + pa, [0] * missing + pb)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write('\n')


main()
