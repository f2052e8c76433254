namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>Points one entry bids on one team.</summary>
public sealed record EntrantBid(string TeamId, int BidPoints);
