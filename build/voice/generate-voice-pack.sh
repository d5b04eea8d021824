#!/usr/bin/env bash
# Generates the default Vietnamese voice pack of the wall display (apps/display/voice/vi/).
#
# The manifest (apps/display/voice/vi/manifest.json) is the source of truth: every clip key that
# has an entry in its "texts" map is spoken by espeak-ng's Vietnamese voice, then trimmed of
# leading/trailing silence, faded in/out by 5/10 ms (no click where the trim cut) and
# peak-normalised to -3 dBFS, as 22.05 kHz mono 16-bit WAV. The chime has no text: it is a soft
# two-tone "ding-dong" synthesised with sox.
#
# The pack is generated once and committed; run this again only when the manifest changes.
# Output is deterministic for a given espeak-ng and sox (sox runs without dither: -D).
#
# Usage:   build/voice/generate-voice-pack.sh [pack-dir]      (default: apps/display/voice/vi)
# Needs:   espeak-ng (voice "vi"), sox (apt-get install -y espeak-ng sox), node (reads the JSON)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PACK_DIR="${1:-$ROOT/apps/display/voice/vi}"
MANIFEST="$PACK_DIR/manifest.json"

VOICE=vi          # espeak-ng voice: Northern Vietnamese
SPEED=150         # words per minute
RATE=22050        # output sample rate (Hz)
SILENCE=0.1%      # trim threshold; 1% already clips the soft "h" of "hát"
PEAK=-3           # dBFS after normalising
CHIME_GAIN=-6     # dBFS: the chime stays softer than the voice

# Where espeak-ng misreads the text a person would record, it is given another spelling with the
# same sound. "gi" alone (letter J) is read as the bare consonant /z/ with no vowel; "di" is /zi/,
# which is how the North says "gi".
declare -A ESPEAK_SPELLING=(
  [letter-j.wav]="di"
)

for tool in espeak-ng sox node; do
  command -v "$tool" >/dev/null || { echo "generate-voice-pack: '$tool' not found" >&2; exit 1; }
done
[[ -f "$MANIFEST" ]] || { echo "generate-voice-pack: no manifest at $MANIFEST" >&2; exit 1; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# "<file>\t<text>" for every clip that has a text, in manifest order.
node -e '
  const m = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  for (const [key, text] of Object.entries(m.texts ?? {})) {
    const file = m.clips[key];
    if (!file) { console.error(`texts.${key}: no such clip`); process.exit(1); }
    if (!/^[a-z0-9-]+\.wav$/.test(file)) { console.error(`clips.${key}: not a plain .wav name: ${file}`); process.exit(1); }
    console.log(`${file}\t${text.normalize("NFC")}`);
  }
' "$MANIFEST" >"$TMP/list.tsv"

count=0
while IFS=$'\t' read -r file text; do
  espeak-ng -v "$VOICE" -s "$SPEED" -w "$TMP/raw.wav" "${ESPEAK_SPELLING[$file]:-$text}"
  sox -D "$TMP/raw.wav" -r "$RATE" -c 1 -b 16 "$PACK_DIR/$file" \
    silence 1 0.02 "$SILENCE" reverse silence 1 0.02 "$SILENCE" fade t 0.01 reverse \
    fade t 0.005 norm "$PEAK"
  count=$((count + 1))
done <"$TMP/list.tsv"

# Chime: "ding" (A5, 880 Hz) rings on while "dong" (E5, 659 Hz) starts 0.3 s later; 0.8 s in all.
# A quiet octave partial on each tone makes it bell-like rather than a bare beep.
sox -D -r "$RATE" -c 2 -n -c 1 -b 16 "$TMP/ding.wav" synth 0.5 sine 880 sine 1760 remix 1v0.8,2v0.2 fade q 0.01 0.5 0.45
sox -D -r "$RATE" -c 2 -n -c 1 -b 16 "$TMP/dong.wav" synth 0.5 sine 659.25 sine 1318.5 remix 1v0.8,2v0.2 fade q 0.01 0.5 0.45 pad 0.3
sox -D -m "$TMP/ding.wav" "$TMP/dong.wav" -r "$RATE" -c 1 -b 16 "$PACK_DIR/chime.wav" norm "$CHIME_GAIN"
count=$((count + 1))

echo "generate-voice-pack: $count clips in $PACK_DIR ($(du -ch "$PACK_DIR"/*.wav | tail -1 | cut -f1))"
