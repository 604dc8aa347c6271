using IotActors.Devices.Abstractions;
using IotActors.Devices.Configuration;

namespace IotActors.Devices.Actors;

/// <summary>Turns validated <see cref="DeviceSpec"/>s into <see cref="DeviceDefinition"/>s, creating every driver once at start-up so bad entries fail early.</summary>
public static class DeviceDefinitions
{
    /// <summary>Creates the definitions; each first driver is created now (and handed to the first device actor), later ones on restarts.</summary>
    /// <remarks>Calls to <paramref name="factory"/> are serialised with a lock: device actors restart on their own threads.</remarks>
    /// <exception cref="DeviceConfigurationException">A driver cannot be created; every failing entry is named.</exception>
    public static IReadOnlyList<DeviceDefinition> FromSpecs(IReadOnlyList<DeviceSpec> specs, DeviceFactory factory)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(factory);
        var gate = new object();
        var errors = new List<string>();
        var created = new List<IDisposable>();
        var definitions = new List<DeviceDefinition>(specs.Count);
        foreach (var spec in specs)
        {
            try
            {
                if (spec.IsActuator)
                {
                    var first = factory.CreateActuator(spec);
                    created.Add(first);
                    var source = new FirstThenFactory<IActuatorDriver>(first, () => { lock (gate) { return factory.CreateActuator(spec); } });
                    definitions.Add(DeviceDefinition.Actuator(spec.Id, spec.Kind, source.Next));
                }
                else
                {
                    var first = factory.CreateSensor(spec);
                    created.Add(first);
                    var source = new FirstThenFactory<ISensorDriver>(first, () => { lock (gate) { return factory.CreateSensor(spec); } });
                    definitions.Add(DeviceDefinition.Sensor(spec.Id, spec.Kind, spec.Period, source.Next));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                errors.Add($"devices[{spec.Index}] (id '{spec.Id}', kind '{spec.Kind}'): cannot create the driver: {ex.Message}");
            }
        }

        if (errors.Count > 0)
        {
            foreach (var driver in created) { driver.Dispose(); }
            throw new DeviceConfigurationException(errors);
        }

        return definitions;
    }
}
