// How far someone lives from the venue, from two postcodes: each postcode range (mostly a hundred
// codes, split where a range spans a wide area) has the approximate coordinates of its main town,
// and the distance is the great-circle one. Good to ±15 km or so: near the hotel limit the
// dialogue asks the person instead of deciding.

/** [first code, last code, latitude, longitude, main town (for reading the table)]. */
const AREAS: Array<[number, number, number, number, string]> = [
  [1000, 1299, 50.85, 4.35, 'Brussels'],
  [1300, 1399, 50.7, 4.66, 'Wavre / Ottignies / Jodoigne'],
  [1400, 1499, 50.64, 4.4, 'Nivelles / Waterloo'],
  [1500, 1599, 50.73, 4.15, 'Halle / Galmaarden'],
  [1600, 1699, 50.77, 4.22, 'Sint-Pieters-Leeuw / Beersel'],
  [1700, 1799, 50.87, 4.2, 'Dilbeek / Asse'],
  [1800, 1899, 50.95, 4.38, 'Vilvoorde / Grimbergen'],
  [1900, 1999, 50.89, 4.5, 'Zaventem / Kampenhout'],
  [2000, 2199, 51.22, 4.42, 'Antwerp'],
  [2200, 2299, 51.12, 4.84, 'Herentals / Heist-op-den-Berg'],
  [2300, 2399, 51.33, 4.9, 'Turnhout / Hoogstraten'],
  [2400, 2499, 51.18, 5.08, 'Mol / Geel'],
  [2500, 2599, 51.12, 4.58, 'Lier'],
  [2600, 2699, 51.18, 4.41, 'Berchem / Mortsel'],
  [2800, 2899, 51.05, 4.39, 'Mechelen / Boom'],
  [2900, 2999, 51.3, 4.5, 'Schoten / Brasschaat'],
  [3000, 3099, 50.86, 4.66, 'Leuven'],
  [3100, 3199, 50.96, 4.66, 'Rotselaar / Haacht'],
  [3200, 3299, 50.99, 4.91, 'Aarschot / Diest'],
  [3300, 3399, 50.82, 4.88, 'Tienen'],
  [3400, 3499, 50.8, 5.07, 'Landen / Zoutleeuw'],
  [3500, 3599, 50.95, 5.3, 'Hasselt / Beringen'],
  [3600, 3699, 51.0, 5.6, 'Genk / Maasmechelen / Maaseik'],
  [3700, 3799, 50.78, 5.55, 'Tongeren / Bilzen / Voeren'],
  [3800, 3899, 50.8, 5.2, 'Sint-Truiden'],
  [3900, 3999, 51.18, 5.35, 'Pelt / Lommel / Bree'],
  [4000, 4099, 50.63, 5.58, 'Liège'],
  [4100, 4199, 50.5, 5.55, 'Seraing / Esneux / Sprimont'],
  [4200, 4299, 50.64, 5.1, 'Hannut / Braives'],
  [4300, 4399, 50.69, 5.3, 'Waremme'],
  [4400, 4499, 50.62, 5.45, 'Flémalle / Ans'],
  [4500, 4599, 50.5, 5.3, 'Huy / Amay'],
  [4600, 4699, 50.68, 5.74, 'Visé / Herve'],
  [4700, 4749, 50.65, 6.03, 'Eupen / Kelmis / Raeren'],
  [4750, 4799, 50.33, 6.15, 'Bütgenbach / Sankt Vith'],
  [4800, 4899, 50.6, 5.88, 'Verviers'],
  [4900, 4999, 50.43, 5.93, 'Spa / Malmedy / Stavelot'],
  [5000, 5099, 50.48, 4.8, 'Namur / Gembloux'],
  [5100, 5299, 50.47, 4.78, 'Jambes / Floreffe'],
  [5300, 5399, 50.5, 5.05, 'Andenne / Éghezée'],
  [5500, 5549, 50.24, 4.88, 'Dinant / Hastière'],
  [5550, 5559, 49.88, 4.95, 'Vresse-sur-Semois / Bièvre'],
  [5560, 5599, 50.2, 5.1, 'Beauraing / Rochefort / Ciney'],
  [5600, 5699, 50.15, 4.52, 'Philippeville / Couvin'],
  [6000, 6099, 50.41, 4.44, 'Charleroi'],
  [6100, 6199, 50.42, 4.33, 'Courcelles / Fontaine-l’Évêque'],
  [6200, 6299, 50.43, 4.53, 'Châtelet / Fleurus'],
  [6400, 6499, 50.08, 4.32, 'Chimay / Froidchapelle'],
  [6500, 6599, 50.3, 4.24, 'Thuin / Beaumont'],
  [6600, 6699, 50.1, 5.78, 'Bastogne / Houffalize / Vielsalm'],
  [6700, 6799, 49.63, 5.7, 'Arlon / Virton'],
  [6800, 6899, 49.85, 5.3, 'Libramont / Bouillon / Florenville'],
  [6900, 6999, 50.25, 5.42, 'Marche-en-Famenne / Durbuy'],
  [7000, 7099, 50.48, 3.98, 'Mons / Soignies'],
  [7100, 7199, 50.46, 4.2, 'La Louvière / Binche'],
  [7300, 7399, 50.43, 3.8, 'Boussu / Saint-Ghislain'],
  [7500, 7599, 50.61, 3.39, 'Tournai'],
  [7600, 7699, 50.53, 3.5, 'Péruwelz / Antoing'],
  [7700, 7799, 50.74, 3.2, 'Mouscron / Comines'],
  [7800, 7899, 50.68, 3.85, 'Ath / Lessines / Enghien'],
  [7900, 7999, 50.6, 3.68, 'Leuze-en-Hainaut / Beloeil'],
  [8000, 8099, 51.2, 3.23, 'Bruges'],
  [8200, 8299, 51.17, 3.14, 'Sint-Andries / Zedelgem'],
  [8300, 8399, 51.32, 3.22, 'Knokke-Heist / Blankenberge'],
  [8400, 8499, 51.2, 2.95, 'Ostend'],
  [8500, 8599, 50.82, 3.28, 'Kortrijk'],
  [8600, 8699, 51.06, 2.74, 'Diksmuide / Veurne / De Panne'],
  [8700, 8799, 50.95, 3.36, 'Tielt / Waregem'],
  [8800, 8899, 50.96, 3.13, 'Roeselare / Torhout'],
  [8900, 8999, 50.84, 2.92, 'Ieper / Menen / Poperinge'],
  [9000, 9099, 51.05, 3.72, 'Ghent'],
  [9100, 9199, 51.16, 4.13, 'Sint-Niklaas / Lokeren'],
  [9200, 9299, 51.02, 4.04, 'Dendermonde / Wetteren'],
  [9300, 9399, 50.94, 4.04, 'Aalst'],
  [9400, 9499, 50.85, 4.04, 'Ninove / Denderleeuw'],
  [9500, 9599, 50.78, 3.88, 'Geraardsbergen'],
  [9600, 9699, 50.8, 3.7, 'Ronse / Zottegem'],
  [9700, 9799, 50.86, 3.58, 'Oudenaarde'],
  [9800, 9899, 50.98, 3.62, 'Deinze / Merelbeke / Aalter'],
  [9900, 9999, 51.19, 3.53, 'Eeklo / Maldegem'],
];

/** How sure the table is: near the hotel limit, within this margin, the person is asked. */
export const DISTANCE_MARGIN_KM = 15;

export interface Coordinates {
  lat: number;
  lon: number;
}

export function coordinatesOf(postcode: string | null | undefined): Coordinates | undefined {
  if (!postcode || !/^\d{4}$/.test(postcode)) return undefined;
  const n = Number(postcode);
  const area = AREAS.find(([from, to]) => n >= from && n <= to);
  return area ? { lat: area[2], lon: area[3] } : undefined;
}

/** Great-circle (haversine) distance in kilometres. */
export function greatCircleKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function distanceKm(fromPostcode: string | null | undefined, toPostcode: string | null | undefined): number | undefined {
  const a = coordinatesOf(fromPostcode);
  const b = coordinatesOf(toPostcode);
  return a && b ? greatCircleKm(a, b) : undefined;
}

/** far: beyond the limit; near: within it; unsure: too close to the limit to tell, or an unknown postcode. */
export type HotelDistance = 'far' | 'near' | 'unsure';

export function hotelDistance(postcode: string | null | undefined, venuePostcode: string, limitKm: number): HotelDistance {
  const km = distanceKm(postcode, venuePostcode);
  if (km === undefined) return 'unsure';
  if (km > limitKm + DISTANCE_MARGIN_KM) return 'far';
  if (km < limitKm - DISTANCE_MARGIN_KM) return 'near';
  return 'unsure';
}
