// The venue's name and address, and an event's place, are read in each language: given per
// language, or as one text for all (the older configurations keep working).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { EXAMPLE_CONFIG, loadPanelConfig } from '../../src/config/panel';
import { panelConfigSchema } from '../../src/core/panel/config';
import { inlineSurveyBanks } from '../../src/config/survey-banks';
import path from 'node:path';

function exampleRaw(): Record<string, any> {
  const raw = YAML.parse(fs.readFileSync(EXAMPLE_CONFIG, 'utf8'));
  inlineSurveyBanks(raw, path.dirname(EXAMPLE_CONFIG));
  return raw;
}

describe('venue and places per language', () => {
  it('the example panel names the venue in each language', () => {
    const config = loadPanelConfig(EXAMPLE_CONFIG);
    expect(config.venue.name).toEqual({ fr: "Palais d'Egmont", nl: 'Egmontpaleis', de: 'Egmont-Palast', en: 'Egmont Palace' });
    expect(config.venue.address.nl).toBe('Kleine Zavel 8, 1000 Brussel');
    expect(config.events.find((e) => e.id === 'weekend-1')!.place!.de).toBe('Egmont-Palast, Brüssel');
  });

  it('one text for all languages is still accepted', () => {
    const raw = exampleRaw();
    raw.venue.name = 'Egmont';
    raw.venue.address = 'Place du Petit Sablon 8, 1000 Brussels';
    raw.events[1].place = 'Egmont, Brussels';
    const config = panelConfigSchema.parse(raw);
    expect(config.venue.name).toEqual({ fr: 'Egmont', nl: 'Egmont', de: 'Egmont', en: 'Egmont' });
    expect(config.events[1]!.place!.fr).toBe('Egmont, Brussels');
  });

  it('a language missing from a per-language name is refused', () => {
    const raw = exampleRaw();
    raw.venue.name = { fr: 'Palais', nl: 'Paleis' };
    expect(panelConfigSchema.safeParse(raw).success).toBe(false);
  });
});
