/**
 * The files a person picks or drops in the web page (src/web/files.ts): a picked folder keeps the
 * workbooks only, by path, sorted, without lock files and hidden folders, as `zwgk validate DIR`
 * does; files named one by one are all taken (the reader gives each its answer).
 */
import { fromInput, isSubmissionName, isWorkbookName } from '../src/web/files';

function list(entries: Array<[string, string]>): FileList {
  const files = entries.map(([name, rel]) => ({ name, webkitRelativePath: rel }) as unknown as File);
  return Object.assign(files, { item: (i: number) => files[i] }) as unknown as FileList;
}

describe('picked files', () => {
  it('recognises workbooks as the CLI does', () => {
    expect(['a.xlsx', 'b.XLSM', 'c.xls', 'd.ods', '~$a.xlsx', '.~lock.a.xlsx#', 'e.csv', 'f.xlsx.pdf'].map(isWorkbookName)).toEqual([
      true, true, true, true, false, false, false, false,
    ]);
  });

  it('recognises report documents as submissions too, as the CLI does', () => {
    expect(['a.docx', 'b.HTML', 'c.htm', 'd.xlsx', '~$a.docx', 'e.doc', 'f.pdf'].map(isSubmissionName)).toEqual([true, true, true, true, false, false, false]);
  });

  it('a picked folder: workbooks and reports only, by relative path, sorted; hidden folders skipped', () => {
    const picked = fromInput(
      list([
        ['b.xlsx', '报送/b.xlsx'],
        ['说明.docx', '报送/说明.docx'],
        ['~$b.xlsx', '报送/~$b.xlsx'],
        ['a.xlsx', '报送/乡镇/a.xlsx'],
        ['x.xlsx', '报送/.git/x.xlsx'],
        ['c.ods', '报送/c.ods'],
      ]),
    );
    // A .docx in the folder is read (the reader says when it holds no report tables), as `zwgk validate DIR` does.
    expect(picked.map((p) => p.name)).toEqual(['报送/b.xlsx', '报送/c.ods', '报送/乡镇/a.xlsx', '报送/说明.docx']);
  });

  it('files chosen one by one are all taken, in the order given', () => {
    expect(fromInput(list([['z.xlsx', ''], ['renamed.pdf', ''], ['a.xlsx', '']])).map((p) => p.name)).toEqual(['z.xlsx', 'renamed.pdf', 'a.xlsx']);
  });
});
