// Merges the en message areas. Keys are finding or error codes ("area/name").
import { cli } from './cli.js';
import { catalog } from './catalog.js';
import { bundle } from './bundle.js';
import { rules } from './rules.js';
import { artefacts } from './artefacts.js';
import { report } from './report.js';
import { batch } from './batch.js';
import { xdmEvs } from './xdm-evs.js';
import { io } from './io.js';
import { xmlRead } from './xml-read.js';
import { eml } from './eml.js';
import { diff } from './diff.js';
import { cisis } from './cisis.js';
import { help } from './help.js';

export const en: Record<string, string> = { ...cli, ...catalog, ...bundle, ...rules, ...artefacts, ...report, ...batch, ...xdmEvs, ...io, ...xmlRead, ...diff, ...eml, ...cisis, ...help };
