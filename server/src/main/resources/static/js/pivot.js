// Lays out a cell set (the flat cells and totals of POST /api/cubes/{cube}/query) as a pivot:
// row tuples × column tuples × measures, with the totals the server computed (never summed here:
// ratios and semi-additive measures do not add up).

const SEP = '\u0001';

function tupleKey(record, levels) {
  return levels.map((l) => record[l] ?? '').join(SEP);
}

function tuple(record, levels) {
  return levels.map((l) => ({ level: l, key: record[l], caption: record[`${l}.caption`] ?? record[l] }));
}

/**
 * @param cellSet the query answer
 * @param rows the row levels of the query, columns its column levels
 * @returns {{rows, columns, measures, value, rowTotal, columnTotal, grandTotal, subtotal}}
 */
export function layout(cellSet, rows, columns) {
  const measures = cellSet.columns.filter((c) => c.kind === 'measure');
  const rowIndex = new Map();
  const colIndex = new Map();
  const rowTuples = [];
  const colTuples = [];
  const values = new Map();
  for (const cell of cellSet.cells) {
    const rk = tupleKey(cell, rows);
    const ck = tupleKey(cell, columns);
    if (!rowIndex.has(rk)) {
      rowIndex.set(rk, rowTuples.length);
      rowTuples.push(tuple(cell, rows));
    }
    if (!colIndex.has(ck)) {
      colIndex.set(ck, colTuples.length);
      colTuples.push(tuple(cell, columns));
    }
    values.set(rk + SEP + SEP + ck, cell);
  }
  // Column members come in the server's (model) order as they first appear; a month missing from
  // the first rows would land last, so time columns are put back in calendar order.
  const sortedCols = columns.length > 0 && columns.every((l) => l.startsWith('time.'))
    ? [...colTuples].sort(compareTuples) : colTuples;

  // totals: a record whose row levels are all set and column levels all null is a row total, etc.
  const totals = { row: new Map(), column: new Map(), grand: null, sub: new Map() };
  for (const t of cellSet.totals || []) {
    const rowsSet = rows.filter((l) => t[l] != null).length;
    const colsSet = columns.filter((l) => t[l] != null).length;
    if (rowsSet === 0 && colsSet === 0) {
      totals.grand = t;
    } else if (rowsSet === rows.length && colsSet === 0) {
      totals.row.set(tupleKey(t, rows), t);
    } else if (rowsSet === 0 && colsSet === columns.length) {
      totals.column.set(tupleKey(t, columns), t);
    } else if (rows.length > 1 && rowsSet === 1 && t[rows[0]] != null && (colsSet === columns.length || colsSet === 0)) {
      // a group's subtotal under each column tuple, and (no column levels set) in the total column
      totals.sub.set(t[rows[0]] + SEP + SEP + (colsSet === 0 ? '' : tupleKey(t, columns)), t);
    }
  }

  return {
    rows: rowTuples,
    columns: sortedCols,
    measures,
    value(row, col, measure) {
      const cell = values.get(keyOf(row) + SEP + SEP + keyOf(col));
      return cell ? cell[measure.name] : null;
    },
    rowTotal(row, measure) {
      const t = totals.row.get(keyOf(row));
      return t ? t[measure.name] : null;
    },
    columnTotal(col, measure) {
      const t = col.length === 0 ? totals.grand : totals.column.get(keyOf(col));
      return t ? t[measure.name] : null;
    },
    grandTotal(measure) {
      return totals.grand ? totals.grand[measure.name] : null;
    },
    /** The subtotal of the group of the first row level's member firstKey; col [] for the total column. */
    subtotal(firstKey, col, measure) {
      const t = totals.sub.get(firstKey + SEP + SEP + keyOf(col));
      return t ? t[measure.name] : null;
    },
    hasRowTotals: totals.row.size > 0,
    hasColumnTotals: totals.column.size > 0 || totals.grand != null,
    hasSubtotals: totals.sub.size > 0,
  };
}

function keyOf(t) {
  return t.map((m) => m.key ?? '').join(SEP);
}

function compareTuples(a, b) {
  for (let i = 0; i < a.length; i++) {
    const x = String(a[i].key ?? '');
    const y = String(b[i].key ?? '');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
