/**
 * Folding for spreadsheet headers and drop-down values: people retype a header as "Código de
 * procedimiento", "CODIGO DE PROCEDIMIENTO" or "Código  de Procedimiento", and MINHAP's lists
 * differ from the catalogue's spelling in case and accents only as often as not.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/l[·.]l/gi, 'll')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The entry of `list` that folds like `wanted`, spelled as the list spells it. */
export function findFolded(list: readonly string[], wanted: string): string | undefined {
  const key = fold(wanted);
  if (key === '') return undefined;
  return list.find((entry) => fold(entry) === key);
}
