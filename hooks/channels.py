"""The channel gate (hooks/stodlanken/channels.py): the last look at every file of a build
before anything is written. A file of a post for a channel that not every participant
agreed to, and a file under `inlagg/` that no channel claims (a post's source, a
transcript), is taken out and reported as an error, whatever code made it: the hooks that
make cards, posters and feeds already leave them out, so this finding one is a bug.
"""

from __future__ import annotations

import logging

from mkdocs.plugins import event_priority

from stodlanken import build, channels

log = logging.getLogger("mkdocs.hooks.channels")


# After every other on_env: reach.py adds its cards and feeds there.
@event_priority(-100)
def on_env(env, /, *, config, files):
    state = build.of(config)
    posts = {post.slug: post for post in state.site.posts}
    for file in list(files):
        channel, slug = channels.output(file.dest_uri, slugs=frozenset(posts))
        post = posts.get(slug) if slug else None
        if channel is None:
            reason = "hör inte till någon kanal"
        elif post is not None and channel not in post.channels and not (state.preview and channel == "site"):
            # (The preview shows a held-back post's page to its editors, behind a banner.)
            reason = f"hör till kanalen {channel}, som inte alla i {post.path} har samtyckt till"
        else:
            continue
        files.remove(file)
        log.error(f"{file.dest_uri}: {reason}; filen publiceras inte")
    return env
