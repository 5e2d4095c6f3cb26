// Accent folding: merchants type "contrasena" as often as "contraseña", so both sides of the
// search are folded the same way; the original text is kept for display.
export const foldAccents = (text: string): string => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
