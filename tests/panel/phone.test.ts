// Phone numbers in citizen texts are grouped as people read them (+32 470 12 34 56), whatever the
// configuration or the person typed; a number that cannot be read is shown as given.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { EXAMPLE_CONFIG } from '../../src/config/panel';
import { inlineSurveyBanks } from '../../src/config/survey-banks';
import { panelConfigSchema } from '../../src/core/panel/config';
import { formatPhone } from '../../src/core/panel/phone';

describe('phone numbers', () => {
  it('are grouped the Belgian way', () => {
    expect(formatPhone('+32470123456')).toBe('+32 470 12 34 56');
    expect(formatPhone('0470/12.34.56')).toBe('+32 470 12 34 56');
    expect(formatPhone('+3225551234')).toBe('+32 2 555 12 34');
    expect(formatPhone('call us')).toBe('call us');
  });

  it("the helpline's number is shown grouped however the configuration writes it", () => {
    const raw = YAML.parse(fs.readFileSync(EXAMPLE_CONFIG, 'utf8'));
    inlineSurveyBanks(raw, path.dirname(EXAMPLE_CONFIG));
    raw.helpline.phone = '+3225551234';
    expect(panelConfigSchema.parse(raw).helpline.phone).toBe('+32 2 555 12 34');
  });
});
