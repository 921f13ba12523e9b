"""The invariant every layer keeps: ``article.text[span.start:span.end] == span.text``."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ACTORS = ["ISIS fighters", "Syrian government forces", "the Houthis", "Unidentified gunmen", "Russian warplanes",
          "Kurdish YPG units", "Protesters", "al-Shabaab militants", "Iraqi police"]
VERBS = ["attacked", "shelled", "seized", "killed", "clashed with", "kidnapped", "bombed", "recaptured"]
OBJECTS = ["the town of Manbij", "five civilians", "two villages near Aleppo", "a checkpoint in Mosul",
           "Palmyra", "the Tishreen dam", "positions in eastern Ghouta", "the city of Marib in Yemen"]
WHEN = ["on Monday", "earlier on Wednesday", "last week", "In May 2015,", "on 3 March", "", "two days ago"]
TAILS = ["", ", activists said", ", according to the Syrian Observatory for Human Rights",
         ", the group claimed through Amaq"]

sentence = st.builds(lambda a, v, o, w, t: f"{a} {v} {o} {w}{t}.".replace(" .", ".").replace(",.", "."),
                     st.sampled_from(ACTORS), st.sampled_from(VERBS), st.sampled_from(OBJECTS),
                     st.sampled_from(WHEN), st.sampled_from(TAILS))
junk = st.sampled_from(["", "Follow us on Twitter", "Related Items", "Share this:", "© 2016 Example News"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(st.lists(sentence, min_size=1, max_size=3), min_size=2, max_size=4), tail=junk)
def test_every_span_points_into_the_text(paragraphs, tail, ctx, pipeline, make_article):
    text = "\n\n".join(" ".join(p) for p in paragraphs) + ("\n\n" + tail if tail else "")
    result = pipeline.run([make_article(text, date(2016, 3, 17))], ctx)
    for rejection in result.rejections:
        assert rejection.reason in ("no_article", "non_english"), rejection
    for article in result.articles:
        for span in article.spans():
            assert article.text[span.start:span.end] == span.text
            assert span.article_id == article.id
        for ev in article.events:
            for src in ev.sources:
                assert article.text[src.start:src.end] == src.sentence
