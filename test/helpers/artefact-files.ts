// Tests name fixtures by path; the validators take the file's bytes (read once by the safe open in
// the product). These helpers read a fixture and hand its bytes over, nothing more.
import { readFileSync } from 'node:fs';
import { validateCdaBytes } from '../../src/artefacts/cda/validator.js';
import { readCda } from '../../src/artefacts/cda/read-cda.js';
import { validateInsiBytes } from '../../src/artefacts/ins/validator.js';
import { validateEvsBytes } from '../../src/artefacts/evs/validator.js';
import { validateXdmBytes } from '../../src/artefacts/xdm/validator.js';
import type { XdmLimits } from '../../src/artefacts/xdm/open-archive.js';
import { readXml, type ReadXmlOptions } from '../../src/artefacts/xml/read-xml.js';

export const validateCdaFile = (path: string) => validateCdaBytes(readFileSync(path));
export const readCdaFile = (path: string) => readCda(readFileSync(path));
export const validateInsiFile = (path: string) => validateInsiBytes(readFileSync(path));
export const validateEvsFile = (path: string) => validateEvsBytes(readFileSync(path));
export const validateXdmFile = (path: string, limits?: XdmLimits) => validateXdmBytes(readFileSync(path), limits);
export const readXmlFile = (path: string, options?: ReadXmlOptions) => readXml(readFileSync(path), options);
