namespace GbOperator.Controllers.Autoscaling;

/// <summary>What a scaling decision does to the instance count.</summary>
internal enum ScaleDirection
{
    None,
    Up,
    Down,
}
