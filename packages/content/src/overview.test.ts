import { describe, expect, it } from 'vitest';
import { SECTORS } from '@lykt/shared';
import { HtcdsMappingSchema, IsicSectorsSchema, KOM_FORMS, MaturityModelSchema, NationalityRegionsSchema, OVERVIEW_DOCUMENTS, overviewContent, regionOf } from './overview';

describe('overview content', () => {
  it('validates every document', () => {
    const content = overviewContent();
    expect(content.maturity.levels).toHaveLength(4);
    expect(content.maturity.areas.map((area) => area.code).join('')).toBe('ABCDEFGHI');
    expect(content.isic.sections).toHaveLength(21);
  });

  it('maps the seed sectors to ISIC as domain.md §5 says', () => {
    const map = overviewContent().isic.sectorToIsic;
    expect([map.domestic_work, map.restaurant, map.agriculture, map.construction, map.cleaning, map.petrol_station]).toEqual(['T', 'I', 'A', 'F', 'N', 'G']);
    for (const sector of SECTORS) expect(sector in map).toBe(true);
  });

  it('groups nationalities into regions, unknown countries into "other"', () => {
    expect(regionOf('PL')).toBe('central_eastern_europe_eu');
    expect(regionOf('NO')).toBe('nordic');
    expect(regionOf('ZZ')).toBe('other');
  });

  it('lists every KOM exploitation form and the HTCDS fields never include a personal one', () => {
    const forms = overviewContent().kom.categories.find((category) => category.key === 'exploitation_form')?.values ?? [];
    expect([...forms].sort()).toEqual([...KOM_FORMS].sort());
    const fields = overviewContent().htcds.fields.map((field) => field.field);
    for (const personal of ['prs_FirstName', 'prs_SecondName', 'prs_Birthdate', 'prs_Email', 'prs_MobilePhone', 'prs_MailingStreet', 'vic_DetailsOfVulnerabilities'])
      expect(fields).not.toContain(personal);
  });

  it('refuses broken documents', () => {
    expect(
      IsicSectorsSchema.safeParse({
        ...OVERVIEW_DOCUMENTS.isic,
        sectorToIsic: { agriculture: 'A' },
      }).success,
    ).toBe(false);
    expect(
      MaturityModelSchema.safeParse({
        ...OVERVIEW_DOCUMENTS.maturity,
        areas: OVERVIEW_DOCUMENTS.maturity.areas.slice(1),
      }).success,
    ).toBe(false);
    expect(
      NationalityRegionsSchema.safeParse({
        ...OVERVIEW_DOCUMENTS.regions,
        countries: { PL: 'nowhere' },
      }).success,
    ).toBe(false);
    expect(
      HtcdsMappingSchema.safeParse({
        ...OVERVIEW_DOCUMENTS.htcds,
        quasiIdentifiers: ['prs_Birthdate'],
      }).success,
    ).toBe(false);
  });
});
