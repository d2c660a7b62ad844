import { ALPHABET, bodyId, catalogCode, certificateCode, isBodyId, newCertificateCode } from './code';

// Certificate codes as people read and type them: shape, the Luhn mod 32 check character,
// and what is forgiven (case, spaces) or refused (mistypes, letters never used).

/** A repeatable draw: the characters of the alphabet in turn. */
const inTurn = () => {
  let i = 0;
  return (n: number) => i++ % n;
};

const messageOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('certificate codes', () => {
  const code = newCertificateCode('WB', 2026, inTurn());

  it('are the body, the year, seven drawn characters and a check character', () => {
    expect(code).toMatch(/^WB-2026-0123-456[0-9A-Z]$/);
    expect(certificateCode(code)).toBe(code);
  });

  it('forgive case and spaces', () => {
    expect(certificateCode(` ${code.toLowerCase().replace(/-/g, ' - ')} `)).toBe(code);
  });

  it('refuse every single mistyped character as mistyped, never as another code', () => {
    for (const i of Array.from(code, (_, at) => at).filter((at) => code[at] !== '-')) {
      for (const c of ALPHABET.replace(code[i], '')) {
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(messageOf(() => certificateCode(typo))).toMatch(/check character does not match|not a certificate code/);
      }
    }
  });

  it('name a letter that is never used (I, L, O, U)', () => {
    expect(messageOf(() => certificateCode(code.slice(0, -1) + 'O'))).toMatch(/"O" is never used in codes/);
  });

  it('are drawn with a valid check character whatever the draw', () => {
    for (let seed = 0; seed < 200; seed++) {
      let x = seed;
      const draw = (n: number) => (x = (x * 1103515245 + 12345) % 2 ** 31) % n;
      const drawn = newCertificateCode('K9Z', 2030, draw);
      expect(certificateCode(drawn)).toBe(drawn);
    }
  });
});

describe('catalogue codes and body ids', () => {
  it('take program and module codes in any case, letters, digits and hyphens up to 40', () => {
    expect(catalogCode(' wb-va-101 ', 'code')).toBe('WB-VA-101');
    expect(messageOf(() => catalogCode('WB--VA', 'code'))).toMatch(/not a program or module code/);
    expect(messageOf(() => catalogCode('A'.repeat(41), 'code'))).toMatch(/at most 40/);
  });

  it('take body ids of 2–4 characters of the code alphabet', () => {
    expect(isBodyId('WB')).toBe(true);
    expect(isBodyId('WBXY')).toBe(true);
    expect(isBodyId('W')).toBe(false);
    expect(isBodyId('OIL')).toBe(false);
    expect(bodyId('EA', 'id')).toBe('EA');
    expect(isBodyId('EU')).toBe(false);
    expect(messageOf(() => bodyId('wb', 'id'))).toMatch(/not the id of an accreditation body/);
  });
});
