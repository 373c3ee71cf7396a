/** Removes Vietnamese diacritics (including đ/Đ), for matching what people type without accents. */
export function foldDiacritics(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}
