import { z } from 'zod';

/** Placeholders a phrase may contain besides clip keys. */
export const NUMBER_SLOT = '{number}';
export const COUNTER_SLOT = '{counter}';

/** Clip key of a prefix letter: `A` -> `letter-a`. */
export function letterKey(letter: string): string {
  return `letter-${letter.toLowerCase()}`;
}

const clipKey = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'clip keys are lowercase ASCII words joined by "-"');
/** A plain file in the pack folder: no folders, no `..`, an audio extension browsers play. */
const clipFile = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(wav|mp3|ogg|oga|opus|m4a|webm)$/, 'clip files are plain ASCII file names ending in .wav, .mp3, .ogg, .opus, .m4a or .webm');
const phrase = z.array(z.string().min(1)).min(1);

const voicePackSchema = z.object({
  locale: z.string().min(2),
  name: z.string().min(1),
  clips: z.record(clipKey, clipFile),
  /** Word as numberToVietnameseWords writes it (lowercase NFC) -> clip key. */
  words: z.record(z.string().min(1), clipKey),
  phrases: z.object({ call: phrase }).catchall(phrase),
  /** What each clip says (the recording script); optional, used by the generator and the docs. */
  texts: z.record(clipKey, z.string()).optional(),
});

export type VoicePack = z.infer<typeof voicePackSchema>;

export class VoicePackError extends Error {
  override readonly name = 'VoicePackError';
}

function describe(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** A bad record key is reported by zod as "Invalid key in record"; say what was wrong with it. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key') return issue.issues.map((inner) => inner.message).join('; ');
  return issue.message;
}

/** Cross-references the schema cannot see: every key a phrase or word names must be a clip. */
function referenceProblems(pack: VoicePack): string[] {
  const problems: string[] = [];
  const isClip = (key: string): boolean => Object.hasOwn(pack.clips, key);
  for (const [word, key] of Object.entries(pack.words)) {
    if (!isClip(key)) problems.push(`words.${word}: no clip "${key}" in clips`);
  }
  for (const [name, parts] of Object.entries(pack.phrases)) {
    for (const part of parts) {
      if (part !== NUMBER_SLOT && part !== COUNTER_SLOT && !isClip(part)) {
        problems.push(`phrases.${name}: no clip "${part}" in clips`);
      }
    }
  }
  for (const slot of [NUMBER_SLOT, COUNTER_SLOT]) {
    if (!pack.phrases.call.includes(slot)) problems.push(`phrases.call: must contain "${slot}"`);
  }
  for (const key of Object.keys(pack.texts ?? {})) {
    if (!isClip(key)) problems.push(`texts.${key}: no clip "${key}" in clips`);
  }
  return problems;
}

/**
 * Validates a voice pack manifest (`<pack>/vi/manifest.json`). Word keys are normalised to
 * lowercase NFC, so a manifest saved as NFD (macOS) still matches the number reader.
 * Throws VoicePackError listing every problem found.
 */
export function parseVoicePack(json: unknown): VoicePack {
  const result = voicePackSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${describe(i.path)}: ${issueMessage(i)}`);
    throw new VoicePackError(`Invalid voice pack manifest:\n${lines.join('\n')}`);
  }
  const words = Object.fromEntries(
    Object.entries(result.data.words).map(([word, key]) => [word.normalize('NFC').toLowerCase(), key]),
  );
  const pack: VoicePack = { ...result.data, words };
  const problems = referenceProblems(pack);
  if (problems.length > 0) throw new VoicePackError(`Invalid voice pack manifest:\n${problems.join('\n')}`);
  return pack;
}

/** Every distinct clip file of the pack, for preloading. */
export function packFiles(pack: VoicePack): string[] {
  return [...new Set(Object.values(pack.clips))];
}
