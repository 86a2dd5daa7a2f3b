// Belgian postcodes: province and region by the national ranges, and the nine municipalities of
// the German-speaking Community (Amel, Büllingen, Burg-Reuland, Bütgenbach, Eupen,
// Kelmis/La Calamine, Lontzen, Raeren, Sankt Vith).

export type Region = 'brussels' | 'flanders' | 'wallonia';

export interface PlaceInfo {
  province: string;
  region: Region;
  germanCommunity: boolean;
}

const RANGES: Array<[number, number, string, Region]> = [
  [1000, 1299, 'brussels_capital', 'brussels'],
  [1300, 1499, 'walloon_brabant', 'wallonia'],
  [1500, 1999, 'flemish_brabant', 'flanders'],
  [2000, 2999, 'antwerp', 'flanders'],
  [3000, 3499, 'flemish_brabant', 'flanders'],
  [3500, 3999, 'limburg', 'flanders'],
  [4000, 4999, 'liege', 'wallonia'],
  [5000, 5999, 'namur', 'wallonia'],
  [6000, 6599, 'hainaut', 'wallonia'],
  [6600, 6999, 'luxembourg', 'wallonia'],
  [7000, 7999, 'hainaut', 'wallonia'],
  [8000, 8999, 'west_flanders', 'flanders'],
  [9000, 9999, 'east_flanders', 'flanders'],
];

export const GERMAN_COMMUNITY_POSTCODES = new Set([
  4700, 4701, // Eupen
  4710, 4711, // Lontzen
  4720, 4721, 4728, // Kelmis / La Calamine
  4730, 4731, // Raeren
  4750, // Bütgenbach
  4760, 4761, // Büllingen
  4770, 4771, // Amel
  4780, 4782, 4783, 4784, // Sankt Vith
  4790, 4791, // Burg-Reuland
]);

export function placeOf(postcode: string): PlaceInfo | undefined {
  if (!/^\d{4}$/.test(postcode)) return undefined;
  const n = Number(postcode);
  const range = RANGES.find(([from, to]) => n >= from && n <= to);
  if (!range) return undefined;
  return { province: range[2], region: range[3], germanCommunity: GERMAN_COMMUNITY_POSTCODES.has(n) };
}
