// The cloud printer's "offline" and "back" messages in every language: each SMS fits two segments
// with the demo's names (Chamberí makes it UCS-2: the worst case), and every e-mail names the location and how long it has been quiet.
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/providers/index.js';
import { translate } from '../../core/i18n/index.js';
import { DEMO_ORG_NAME } from '../../dev/demo-data.js';

const values = { orgName: DEMO_ORG_NAME, location: 'Chamberí', minutes: 15 };

describe('cloud printer messages', () => {
  it.each(LOCALES.flatMap((locale) => ['offline', 'back'].map((state) => ({ locale, state }))))('$state in $locale: SMS of at most two segments', ({ locale, state }) => {
    const text = translate(locale, `sms.printer_${state}`, values);
    expect(new SegmentedMessage(text).segmentsCount, text).toBeLessThanOrEqual(2);
    expect(text).toContain(DEMO_ORG_NAME);
    expect(text).toContain(values.location);
  });

  it.each(LOCALES)('the e-mails in %s name the location, and the offline one how long', (locale) => {
    expect(translate(locale, 'printer.subject.offline', values)).toContain(values.location);
    expect(translate(locale, 'printer.body.offline', values)).toContain('15');
    expect(translate(locale, 'printer.body.back', values)).toContain(values.location);
  });
});
