// The part of jStat (https://github.com/jstat/jstat) the core uses; the package ships no types.
declare module 'jstat' {
  interface JStat {
    readonly chisquare: { cdf(x: number, degreesOfFreedom: number): number };
  }
  const jStat: JStat;
  export default jStat;
}
