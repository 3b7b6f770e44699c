import {
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  type Registry,
} from 'prom-client';

/**
 * prom-client refuses to register a name twice, yet one process may build the application more than once
 * (tests, several apps in one Jest worker): the second build reuses the metric the first registered.
 */
export function registeredCounter<L extends string>(
  registry: Registry,
  configuration: Omit<CounterConfiguration<L>, 'registers'>,
): Counter<L> {
  const existing = registry.getSingleMetric(configuration.name);
  if (existing instanceof Counter) return existing as Counter<L>;
  return new Counter<L>({ ...configuration, registers: [registry] });
}

export function registeredGauge<L extends string>(
  registry: Registry,
  configuration: Omit<GaugeConfiguration<L>, 'registers'>,
): Gauge<L> {
  const existing = registry.getSingleMetric(configuration.name);
  if (existing instanceof Gauge) {
    // A rebuilt application must collect from its own state, not from the one that registered the gauge.
    if (configuration.collect !== undefined) Object.assign(existing, { collect: configuration.collect });
    return existing as Gauge<L>;
  }
  return new Gauge<L>({ ...configuration, registers: [registry] });
}

export function registeredHistogram<L extends string>(
  registry: Registry,
  configuration: Omit<HistogramConfiguration<L>, 'registers'>,
): Histogram<L> {
  const existing = registry.getSingleMetric(configuration.name);
  if (existing instanceof Histogram) return existing as Histogram<L>;
  return new Histogram<L>({ ...configuration, registers: [registry] });
}
