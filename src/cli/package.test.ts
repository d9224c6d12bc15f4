import { strict as assert } from "node:assert";
import JSZip from "jszip";
import { structureLocked } from "./package";

/** A package whose workbook part is `xml` (at the place the root relationship names). */
async function pkg(xml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file("xl/workbook.xml", xml);
  return zip.generateAsync({ type: "uint8array" });
}

describe("cli/package: structureLocked (Review > Protect Workbook)", () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  it("is locked when lockStructure is 1 or true, with or without a namespace prefix", async () => {
    assert.equal(
      await structureLocked(await pkg(`<workbook ${NS}><workbookProtection lockStructure="1"/><sheets/></workbook>`)),
      true,
    );
    assert.equal(
      await structureLocked(
        await pkg(`<x:workbook><x:workbookProtection lockStructure="true"></x:workbookProtection></x:workbook>`),
      ),
      true,
    );
  });
  it("is not locked without the element, with lockStructure 0, or with only the windows locked", async () => {
    assert.equal(await structureLocked(await pkg(`<workbook ${NS}><sheets/></workbook>`)), false);
    assert.equal(
      await structureLocked(await pkg(`<workbook ${NS}><workbookProtection lockStructure="0"/></workbook>`)),
      false,
    );
    assert.equal(
      await structureLocked(await pkg(`<workbook ${NS}><workbookProtection lockWindows="1"/></workbook>`)),
      false,
    );
  });
});
