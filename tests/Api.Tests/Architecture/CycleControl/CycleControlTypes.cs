// A deliberate cycle for the positive control of FeatureCycleTests: Left uses Right and Right uses Left.
// Nothing else may live in these namespaces.
namespace LabSandbox.Api.Tests.Architecture.CycleControl.Left
{
    public sealed class LeftThing
    {
        public int Count(Right.RightThing right) => right.Items.Length;
    }
}

namespace LabSandbox.Api.Tests.Architecture.CycleControl.Right
{
    public sealed class RightThing
    {
        public Left.LeftThing[] Items { get; } = [new Left.LeftThing()];
    }
}
