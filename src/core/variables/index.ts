export { type ChiSquare, type Crosstab, type CrosstabRow, type CrosstabWarning, crosstab } from './crosstab';
export { readFrontMatter } from './frontMatter';
export {
  DATE_PERIODS, type DatePeriod, type Group, type GroupBy, type GroupInput, compareGroupValues, groupArticles, groupByText, groupValue,
  mergeGroups, parseGroupBy,
} from './groupBy';
export { type AxisBalance, type GroupSummary, RATE_BASE, summariseGroup } from './summary';
export { type TableRow, VARIABLE_TABLE, type VariableTable, readVariableTable, setTableValue, tablePath } from './table';
export { FEW_ARTICLES, type TrendPoint, nextPeriod, trendOf } from './trend';
export { type ArticleVariables, type VariableProblem, type VariablesRead, formatVariableProblem } from './types';
export { isDateVariable, mergeVariables, normaliseValue } from './values';
