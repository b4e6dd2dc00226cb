// Cues that turn a statement into its opposite. Matched against lower-cased tokens;
// English contractions ("isn't") are caught by their suffix.

const CUES: Record<string, readonly string[]> = {
  en: ['not', 'no', 'never', 'without', 'none', 'nothing', 'neither', 'nor', 'cannot', 'nobody', 'nowhere'],
  pl: ['nie', 'bez', 'żaden', 'żadna', 'żadne', 'żadnej', 'żadnego', 'nigdy', 'brak'],
  he: ['לא', 'אין', 'ללא', 'בלי', 'אינו', 'אינה', 'אינם', 'אינן', 'מעולם'],
};

const ALL = new Set(Object.values(CUES).flat());

function primary(language: string): string {
  return language.toLowerCase().split('-')[0];
}

export function isNegationCue(token: string, language: string): boolean {
  const cues = CUES[primary(language)];
  if (cues ? cues.includes(token) : ALL.has(token)) return true;
  return primary(language) === 'en' && /n't$|n’t$/.test(token);
}
