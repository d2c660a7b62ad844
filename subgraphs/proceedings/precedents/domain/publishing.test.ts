import { checkPublishedTexts, MIN_VICTIMS_FOR_PROFILE, namesToExclude, publishedProfile } from './publishing';

// What a precedent may publish about the people in its case, without the database.

const fieldsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: { fields: Array<{ path: string; message: string }> } }).extensions.fields;
  }
  return [];
};

describe('published texts', () => {
  const names = { aliases: ['Marko Petrović'], excluded: ['Ana Novak'] };

  it('passes texts naming no one', () => {
    expect(() => checkPublishedTexts({ 'input.summary': 'The first defendant recruited workers.', 'input.outcome': null }, names)).not.toThrow();
  });

  it("names every text naming a defendant's alias or an excluded name, never echoing the name", () => {
    const fields = fieldsOf(() => checkPublishedTexts({ 'input.summary': 'MARKO PETROVIC recruited them', 'input.outcome': 'Ana  Novák testified' }, names));
    expect(fields.map((f) => f.path)).toEqual(['input.summary', 'input.outcome']);
    expect(fields[0].message).toContain('defendants[0].alias');
    expect(fields[1].message).toContain('namesToExclude[0]');
    expect(JSON.stringify(fields)).not.toMatch(/Novak|Petrovi/i);
  });

  it('refuses a name to exclude with fewer than two letters', async () => {
    await expect(namesToExclude(['Ana Novak', 'J'])).rejects.toThrow('input.namesToExclude[1]: has fewer than two letters');
    await expect(namesToExclude(['Ana Novak'])).resolves.toEqual(['Ana Novak']);
  });
});

describe('published profiles', () => {
  const profile = (count: number) => ({ count, ageGroups: [], genders: [{ value: 'FEMALE', count }], nationalities: [] });

  it('withholds a profile resting on fewer people than the minimum, every figure null', () => {
    expect(publishedProfile(profile(MIN_VICTIMS_FOR_PROFILE - 1), MIN_VICTIMS_FOR_PROFILE)).toMatchObject({ withheld: true, count: null, genders: null });
    expect(publishedProfile({ withheld: true, count: null, ageGroups: [], genders: [], nationalities: [] }, 0).withheld).toBe(true);
  });

  it('publishes one resting on enough people', () => {
    expect(publishedProfile(profile(MIN_VICTIMS_FOR_PROFILE), MIN_VICTIMS_FOR_PROFILE)).toMatchObject({ withheld: false, withheldReason: null, count: MIN_VICTIMS_FOR_PROFILE });
  });
});
