"""Kerne's pure analysis library: numpy, scipy and scikit-learn, no Django at all.

Services load data from the ORM and pass plain sequences and arrays in; nothing
here imports an app (`tests/test_no_django.py` keeps it so). No module is over
~400 lines; a topic that outgrew one module is a package whose `__init__`
re-exports its public names, so `from kerne.analysis.themes import find_themes`
reads the same as before the split.

- `themes/`: find themes in free-text answers or assign them to signed-off ones
  (corpus, vectors, cluster, build, labels, engine, assign);
- `opinions/`: the Polis-style opinion map from agree/pass/disagree votes
  (votes, clustering, kmeans, statements, stakeholders, stability, map);
- `approach/`, `names/`: the method's dimensions 3 and 4, hand-written rules;
- `text/`: normalising, the one tokeniser module, stemming, word lists, tagger;
- `stats.py`: diffusion and the two sides' differences per theme;
  `intervals.py`: the one Wilson interval (and Newcombe's);
  `partitions.py`: the one adjusted Rand index; `ratings.py`: 1–5 rating means
  and gaps (the core tasks'); `gaps.py`: the calibrated gap rule;
- `embeddings.py`, `guided.py`: the optional sentence-embedding engine;
- `polis_io.py`: Polis's export format; `cli.py`, `commands/`: `kerne analyse`.

Two k-means remain on purpose: the theme engine's is scikit-learn's (weighted,
~100-dimensional vectors); the opinion map's (`opinions/kmeans.py`) is its own
numpy code on 2-D points with warm starts, because importing scikit-learn would
triple the opinion command's run time (see `themes/cluster.py`).
"""
