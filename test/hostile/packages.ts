/**
 * Workbooks as offices keep them: a filled counts sheet plus one kind of content ExcelJS does not model (or models
 * only in part). Written with ExcelJS where it can, the other parts by hand into the zip, as Excel lays them out.
 */
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { templateForReport } from "../../src/core/render";
import { applyPlan } from "../../src/cli/xlsx";
import { cleanReport } from "../cli/helpers";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface PackageCase {
  id: string;
  description: string;
  ext: ".xlsx" | ".xlsm";
  /** "carried": every part kept; "uncarried": --in-place refused, -o writes a new workbook naming these parts. */
  expect: "carried" | "uncarried";
  /** Parts the case added by hand (checked to exist in the input, so that a builder slip cannot pass unseen). */
  marks: string[];
  build(file: string): Promise<void>;
}

/** The counts sheet of the clean 2021 example, plus what `extra` adds through ExcelJS. */
async function base(extra?: (wb: ExcelJS.Workbook, counts: ExcelJS.Worksheet) => void | Promise<void>): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, templateForReport(cleanReport()).plan);
  const counts = wb.worksheets[0]!;
  if (extra) await extra(wb, counts);
  return JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function text(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`no part ${name}`);
  return f.async("string");
}

async function edit(zip: JSZip, name: string, fn: (xml: string) => string): Promise<void> {
  const before = await text(zip, name);
  const after = fn(before);
  if (after === before) throw new Error(`edit of ${name} changed nothing`);
  zip.file(name, after);
}

const addOverride = (part: string, type: string) => (ct: string) =>
  ct.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
const addDefault = (ext: string, type: string) => (ct: string) =>
  ct.includes(`Extension="${ext}"`)
    ? ct
    : ct.replace("<Default ", `<Default Extension="${ext}" ContentType="${type}"/><Default `);
const addRel =
  (id: string, type: string, target: string, external = false) =>
  (rels: string) =>
    rels.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/></Relationships>`,
    );

/** Where the relationships of `part` live: dir/_rels/name.rels. */
function relsOf(part: string): string {
  const at = part.lastIndexOf("/");
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
}

const RELS_XML = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${body}</Relationships>`;

/**
 * The one shape of every hand-made part: the part itself, its content type (an Override), its own relationships
 * (a rels part beside it), and the relationship that links it from its owner (the owner's rels part is made when
 * missing). Each edit must change something (see `edit`), so a builder slip cannot pass unseen.
 */
async function addPart(
  zip: JSZip,
  part: {
    name: string;
    body: string | Buffer;
    type?: string;
    rels?: string;
    from?: { owner: string; id: string; type: string; target: string; external?: boolean };
  },
): Promise<void> {
  zip.file(part.name, part.body);
  if (part.type) await edit(zip, "[Content_Types].xml", addOverride(part.name, part.type));
  if (part.rels) zip.file(relsOf(part.name), RELS_XML(part.rels));
  if (part.from) {
    const ownerRels = part.from.owner === "" ? "_rels/.rels" : relsOf(part.from.owner);
    if (!zip.file(ownerRels)) zip.file(ownerRels, RELS_XML(""));
    await edit(zip, ownerRels, addRel(part.from.id, part.from.type, part.from.target, part.from.external));
  }
}

async function save(zip: JSZip, file: string): Promise<void> {
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** A drawing on sheet1 holding `anchor` (a chart frame or a picture), with its own rels. */
async function addDrawing(zip: JSZip, anchorXml: string, drawingRels: string): Promise<void> {
  await addPart(zip, {
    name: "xl/drawings/drawing1.xml",
    body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>18</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${anchorXml}<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    type: "application/vnd.openxmlformats-officedocument.drawing+xml",
    rels: drawingRels,
    from: {
      owner: "xl/worksheets/sheet1.xml",
      id: "rIdDrawing1",
      type: `${REL}/drawing`,
      target: "../drawings/drawing1.xml",
    },
  });
  await edit(zip, "xl/worksheets/sheet1.xml", (x) =>
    x.replace("</worksheet>", `<drawing r:id="rIdDrawing1"/></worksheet>`),
  );
}

const CHART_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>申请数量</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'公开数据'!$D$62:$I$62</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

export const PACKAGE_CASES: PackageCase[] = [
  {
    id: "macros",
    description: "VBA macros (.xlsm: vbaProject.bin, macro-enabled content type)",
    ext: ".xlsm",
    expect: "carried",
    marks: ["xl/vbaProject.bin"],
    async build(file) {
      const zip = await base();
      // An OLE header and a module-like body: the bytes only have to come back as they went in.
      await addPart(zip, {
        name: "xl/vbaProject.bin",
        body: Buffer.concat([
          Buffer.from("d0cf11e0a1b11ae1", "hex"),
          Buffer.from('Attribute VB_Name = "Module1"\nSub 汇总()\nEnd Sub\n'),
        ]),
        from: {
          owner: "xl/workbook.xml",
          id: "rIdVba",
          type: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
          target: "vbaProject.bin",
        },
      });
      await edit(zip, "[Content_Types].xml", (ct) =>
        addDefault(
          "bin",
          "application/vnd.ms-office.vbaProject",
        )(
          ct.replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
          ),
        ),
      );
      await save(zip, file);
    },
  },
  {
    id: "chart",
    description: "a bar chart on the counts sheet (drawing + chart parts)",
    ext: ".xlsx",
    expect: "carried",
    marks: ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"],
    async build(file) {
      const zip = await base();
      await addPart(zip, {
        name: "xl/charts/chart1.xml",
        body: CHART_XML,
        type: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      });
      await addDrawing(
        zip,
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`,
        `<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/>`,
      );
      await save(zip, file);
    },
  },
  {
    id: "image",
    description: "a picture (an office seal) on the counts sheet",
    ext: ".xlsx",
    expect: "carried",
    marks: ["xl/media/image1.png"],
    async build(file) {
      const zip = await base((wb, ws) => {
        const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
        ws.addImage(id, "M3:P10");
      });
      await save(zip, file);
    },
  },
  {
    id: "pivot-cache",
    description: "a pivot cache (definition + records) listed by the workbook",
    ext: ".xlsx",
    expect: "carried",
    marks: ["xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml"],
    async build(file) {
      const zip = await base();
      await addPart(zip, {
        name: "xl/pivotCache/pivotCacheDefinition1.xml",
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="0" recordCount="1"><cacheSource type="worksheet"><worksheetSource ref="B62:D63" sheet="公开数据"/></cacheSource><cacheFields count="1"><cacheField name="申请" numFmtId="0"><sharedItems containsNumber="1" containsInteger="1" minValue="0" maxValue="100"/></cacheField></cacheFields></pivotCacheDefinition>`,
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
        rels: `<Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/>`,
        from: {
          owner: "xl/workbook.xml",
          id: "rIdPivot1",
          type: `${REL}/pivotCacheDefinition`,
          target: "pivotCache/pivotCacheDefinition1.xml",
        },
      });
      await addPart(zip, {
        name: "xl/pivotCache/pivotCacheRecords1.xml",
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"><r><n v="12"/></r></pivotCacheRecords>`,
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
      });
      await edit(zip, "xl/workbook.xml", (x) =>
        x.replace(/(<calcPr[^>]*\/>)/, `$1<pivotCaches><pivotCache cacheId="1" r:id="rIdPivot1"/></pivotCaches>`),
      );
      await save(zip, file);
    },
  },
  {
    id: "comments",
    description: "comments (notes) on figure cells",
    ext: ".xlsx",
    expect: "carried",
    marks: ["xl/comments1.xml"],
    async build(file) {
      await save(
        await base((_wb, ws) => {
          ws.getCell("D62").note = "数据来自政务服务网申请台账";
          ws.getCell("B3").note = { texts: [{ text: "复核人：张三" }] };
        }),
        file,
      );
    },
  },
  {
    id: "validation-and-conditional-formats",
    description: "data validation lists and conditional formats the user added",
    ext: ".xlsx",
    expect: "carried",
    marks: ["xl/worksheets/sheet1.xml"],
    async build(file) {
      await save(
        await base((_wb, ws) => {
          ws.getCell("L62").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
          ws.addConditionalFormatting({
            ref: "D62:J62",
            rules: [
              {
                type: "cellIs",
                operator: "lessThan",
                priority: 1,
                formulae: ["0"],
                style: { font: { color: { argb: "FFFF0000" } } },
              },
            ],
          });
        }),
        file,
      );
    },
  },
  {
    id: "defined-names",
    description: "defined names: a global name, a sheet-scoped print area and a name on a hidden sheet",
    ext: ".xlsx",
    expect: "carried",
    marks: ["xl/workbook.xml"],
    async build(file) {
      await save(
        await base((wb, ws) => {
          wb.definedNames.add("'公开数据'!$D$62:$J$62", "本年新收");
          ws.pageSetup.printArea = "A1:J100";
          const other = wb.addWorksheet("参数", { state: "hidden" });
          other.getCell("A1").value = 2021;
          wb.definedNames.add("'参数'!$A$1", "报告年度");
        }),
        file,
      );
    },
  },
  {
    id: "hidden-sheets",
    description: "a hidden and a very hidden sheet",
    ext: ".xlsx",
    expect: "carried",
    marks: ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"],
    async build(file) {
      await save(
        await base((wb) => {
          wb.addWorksheet("底稿", { state: "hidden" }).getCell("A1").value = "底稿";
          wb.addWorksheet("配置", { state: "veryHidden" }).getCell("A1").value = "配置";
        }),
        file,
      );
    },
  },
  {
    id: "protection",
    // The structure lock (lockStructure="1") forbids new sheets: generate refuses it (test/cli/cli.test.ts).
    description: "sheet protection (with a password) and the workbook window lock",
    ext: ".xlsx",
    expect: "carried",
    marks: ["xl/workbook.xml"],
    async build(file) {
      const zip = await base(async (_wb, ws) => {
        await ws.protect("公开", { selectLockedCells: true, selectUnlockedCells: true });
      });
      await edit(zip, "xl/workbook.xml", (x) =>
        x.replace(
          /(<workbookPr[^>]*\/>)/,
          `$1<workbookProtection lockWindows="1" workbookAlgorithmName="SHA-512" workbookHashValue="c2VjcmV0" workbookSaltValue="c2FsdA==" workbookSpinCount="100000"/>`,
        ),
      );
      await save(zip, file);
    },
  },
  {
    id: "external-links",
    description: "a formula linking to another workbook (external link part, cached value)",
    ext: ".xlsx",
    expect: "carried",
    marks: ["xl/externalLinks/externalLink1.xml"],
    async build(file) {
      const zip = await base((wb) => {
        const ws = wb.addWorksheet("引用");
        ws.getCell("A1").value = { formula: "[1]Sheet1!$A$1", result: 7 } as ExcelJS.CellFormulaValue;
      });
      await addPart(zip, {
        name: "xl/externalLinks/externalLink1.xml",
        body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>7</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
        rels: `<Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///C:/%E6%8A%A5%E8%A1%A8/%E4%B8%8A%E5%B9%B4.xlsx" TargetMode="External"/>`,
        from: {
          owner: "xl/workbook.xml",
          id: "rIdExt1",
          type: `${REL}/externalLink`,
          target: "externalLinks/externalLink1.xml",
        },
      });
      await edit(zip, "xl/workbook.xml", (x) =>
        x.replace("</sheets>", `</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>`),
      );
      await save(zip, file);
    },
  },
  {
    id: "custom-xml",
    description: "custom XML data (a document-management item with its properties)",
    ext: ".xlsx",
    expect: "carried",
    marks: ["customXml/item1.xml", "customXml/itemProps1.xml"],
    async build(file) {
      const zip = await base();
      await addPart(zip, {
        name: "customXml/item1.xml",
        body: `<?xml version="1.0" encoding="UTF-8"?><公文 xmlns="urn:example:oa"><文号>某府办〔2022〕1号</文号></公文>`,
        rels: `<Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/>`,
        from: {
          owner: "xl/workbook.xml",
          id: "rIdCustom1",
          type: `${REL}/customXml`,
          target: "../customXml/item1.xml",
        },
      });
      await addPart(zip, {
        name: "customXml/itemProps1.xml",
        body: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6E1A3C53-1F0B-4B6C-9C51-2C1E0F3A7B11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
        type: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
      });
      await save(zip, file);
    },
  },
  {
    id: "unusual-part-name",
    description: "the counts sheet stored under an unusual part name (xl/data/counts-2021.xml)",
    ext: ".xlsx",
    expect: "carried",
    marks: ["xl/data/counts-2021.xml"],
    async build(file) {
      const zip = await base((wb) => {
        wb.addWorksheet("备注").getCell("A1").value = "备注";
      });
      zip.file("xl/data/counts-2021.xml", await zip.file("xl/worksheets/sheet1.xml")!.async("uint8array"));
      zip.remove("xl/worksheets/sheet1.xml");
      await edit(zip, "[Content_Types].xml", (ct) =>
        ct.replace("/xl/worksheets/sheet1.xml", "/xl/data/counts-2021.xml"),
      );
      await edit(zip, "xl/_rels/workbook.xml.rels", (r) =>
        r.replace('Target="worksheets/sheet1.xml"', 'Target="data/counts-2021.xml"'),
      );
      await save(zip, file);
    },
  },
  {
    id: "digital-signature",
    description: "a digital signature (any change invalidates it: cannot be carried)",
    ext: ".xlsx",
    expect: "uncarried",
    marks: ["_xmlsignatures/sig1.xml", "_xmlsignatures/origin.sigs"],
    async build(file) {
      const zip = await base();
      await addPart(zip, {
        name: "_xmlsignatures/origin.sigs",
        body: "",
        rels: `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature" Target="sig1.xml"/>`,
        from: {
          owner: "",
          id: "rIdSig",
          type: "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin",
          target: "_xmlsignatures/origin.sigs",
        },
      });
      await addPart(zip, {
        name: "_xmlsignatures/sig1.xml",
        body: `<?xml version="1.0" encoding="UTF-8"?><Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="idPackageSignature"><SignedInfo/><SignatureValue>AAAA</SignatureValue></Signature>`,
        type: "application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml",
      });
      await edit(
        zip,
        "[Content_Types].xml",
        addDefault("sigs", "application/vnd.openxmlformats-package.digital-signature-origin"),
      );
      await save(zip, file);
    },
  },
];
