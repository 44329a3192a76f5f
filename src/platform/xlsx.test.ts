import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import readXlsxFile from 'read-excel-file/node';
import { sheetName, toXlsx } from './xlsx.ts';

describe('XLSX export', () => {
  it('writes every sheet with its preamble, headers and typed cells, read back as written', async () => {
    const bytes = await toXlsx([
      { name: 'Résumé', preamble: ['Statistiques de Relais', 'Période : du 01/01/2026 au 31/03/2026'], columns: [{ header: 'Chiffre' }, { header: 'Valeur' }], rows: [['Accompagnements', 42], ['Personnes suivies', '< 5']] },
      { name: 'Par mois', columns: [{ header: 'Mois' }, { header: 'Accompagnements' }], rows: [['janvier 2026', 10], ['février 2026', null]] },
    ]);
    const sheets = await readXlsxFile(bytes);
    assert.deepEqual(sheets.map((s) => s.sheet), ['Résumé', 'Par mois']);
    assert.deepEqual(sheets[0]?.data, [
      ['Statistiques de Relais', null],
      ['Période : du 01/01/2026 au 31/03/2026', null],
      [null, null],
      ['Chiffre', 'Valeur'],
      ['Accompagnements', 42],
      ['Personnes suivies', '< 5'],
    ]);
    assert.deepEqual(sheets[1]?.data, [
      ['Mois', 'Accompagnements'],
      ['janvier 2026', 10],
      ['février 2026', null],
    ]);
  });

  it('makes sheet names Excel accepts, unique and at most 31 characters', () => {
    const taken = new Set<string>();
    assert.equal(sheetName('Par thème / sous-thème', taken), 'Par thème - sous-thème');
    assert.equal(sheetName('Par thème / sous-thème', taken), 'Par thème - sous-thème 2');
    assert.equal(sheetName('Une feuille au nom beaucoup trop long pour Excel', taken).length, 31);
  });
});
