#!/bin/sh
# Regenerates the two demo podcast episodes from their French scripts (Debian: espeak-ng, lame).
# Usage: scripts/demo-audio.sh   (run from the repository root)
set -eu
dir=crates/web/data/content/audio
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 1 2; do
  espeak-ng -v fr -s 155 -f "$dir/episode-$n.txt" -w "$tmp/episode-$n.wav"
  lame --quiet -m m --resample 16 -b 24 "$tmp/episode-$n.wav" "$dir/episode-$n.mp3"
done
ls -l "$dir"/*.mp3
# The podcast cover (1400 × 1400 PNG, as podcast directories ask) from its SVG, with Chromium:
#   chromium --headless --hide-scrollbars --window-size=1400,1400 \
#     --screenshot=crates/web/data/content/podcast-cover.png crates/web/data/content/podcast-cover.svg
